using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tariffs.Functions.Reports;

/// <summary>
/// HTTP caching of report downloads, so a dashboard or a data portal re-downloads only what changed: a strong
/// <c>ETag</c> (a hash of the exact body, so JSON and CSV of the same cells differ) answered with 304 Not Modified when
/// <c>If-None-Match</c> names it (or, without <c>If-None-Match</c>, when <c>If-Modified-Since</c> is not before the
/// <c>Last-Modified</c> already set); <c>Cache-Control</c> public for the public report (its cells change only when a
/// new period is released), private and always revalidated for the regulator's view.
/// </summary>
public static class ReportCaching
{
    /// <summary>How long a shared cache may serve the public report without asking again.</summary>
    public static readonly TimeSpan PublicMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The body as a 200 with its validators, or a 304 when the request already holds it; the ETag of a page that has a
    /// <paramref name="next"/> page covers that link too (the same cells followed by others are another answer).
    /// </summary>
    public static IActionResult Respond(HttpRequest request, string body, string contentType, bool isPublic, string? next = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.HttpContext.Response;
        var validated = next is null ? body : $"{body}\n{next}";
        var etag = $"\"{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(validated)), 0, 18).Replace('+', '-').Replace('/', '_')}\"";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = isPublic ? $"public, max-age={(int)PublicMaxAge.TotalSeconds}" : "private, no-cache";
        response.Headers.Vary = "Accept";
        return NotModified(request, etag)
            ? new StatusCodeResult(StatusCodes.Status304NotModified)
            : new ContentResult { Content = body, ContentType = contentType, StatusCode = StatusCodes.Status200OK };
    }

    private static bool NotModified(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
            return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || t == "W/" + etag);
        return DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), System.Globalization.CultureInfo.InvariantCulture,
                   System.Globalization.DateTimeStyles.AssumeUniversal, out var since)
               && DateTimeOffset.TryParse(request.HttpContext.Response.Headers.LastModified.ToString(), System.Globalization.CultureInfo.InvariantCulture,
                   System.Globalization.DateTimeStyles.AssumeUniversal, out var modified)
               && modified <= since;
    }
}
