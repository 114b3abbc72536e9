using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tariffs.Functions.Hosting;

/// <summary>
/// An id in the path as the client sent it. ASP.NET Core decodes a path except %2F, so an id holding '/' (sent as
/// <c>%2F</c>) reaches a route value still escaped, and cannot be told from one holding "%2F" (sent as <c>%252F</c>).
/// This reads the segment from the raw request target and decodes it exactly once.
/// </summary>
public static class RawRouteValue
{
    /// <summary>The path segment <paramref name="fromEnd"/> places before the end (1 = the last), decoded; <paramref name="routeValue"/> when the raw target is unknown.</summary>
    public static string Segment(HttpRequest request, int fromEnd, string routeValue)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
            return routeValue;
        var segments = raw.Split('?', 2)[0].Split('/');
        return segments.Length > fromEnd ? Uri.UnescapeDataString(segments[^fromEnd]) : routeValue;
    }
}
