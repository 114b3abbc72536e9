using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tariffs.Functions.Hosting;

/// <summary>Error answers as RFC 9457 problem details (<c>application/problem+json</c>: type, title, status, detail).</summary>
public static class Problems
{
    /// <summary>Type of a 409: the id names a document with other content (a batch, a flag, a revocation).</summary>
    public const string IdConflictType = "urn:tariffs:problem:id-conflict";

    /// <summary>409: the id of the document is taken by one with other content.</summary>
    public static IActionResult Conflict(string title, string detail) =>
        new ObjectResult(new ProblemDetails { Type = IdConflictType, Title = title, Status = StatusCodes.Status409Conflict, Detail = detail })
        {
            StatusCode = StatusCodes.Status409Conflict,
            ContentTypes = { "application/problem+json" },
        };
}
