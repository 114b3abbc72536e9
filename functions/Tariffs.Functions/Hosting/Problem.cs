using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tariffs.Functions.Hosting;

/// <summary>RFC 9457 problem details (<c>application/problem+json</c>: type, title, status, detail) for the errors of the HTTP edge.</summary>
public static class Problem
{
    /// <summary>The media type of a problem details body.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>Type of a 409: the id of the document is taken by one with other content (a batch, a flag, a revocation).</summary>
    public const string IdConflictType = "urn:tariffs:problem:id-conflict";

    /// <summary>The problem details of a status; its type is <paramref name="type"/>, else the status's definition in RFC 9110.</summary>
    public static ProblemDetails Details(int status, string title, string detail, string? type = null) => new()
    {
        Type = type ?? $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        Title = title,
        Status = status,
        Detail = detail,
    };

    /// <summary>A result answering the status with its problem details.</summary>
    public static ObjectResult Result(int status, string title, string detail, string? type = null) => Result(Details(status, title, detail, type));

    /// <summary>A result answering <paramref name="details"/>' status with them.</summary>
    public static ObjectResult Result(ProblemDetails details) =>
        new(details) { StatusCode = details.Status, ContentTypes = { ContentType } };

    /// <summary>409: the id of the document is taken by one with other content.</summary>
    public static ObjectResult Conflict(string title, string detail) => Result(StatusCodes.Status409Conflict, title, detail, IdConflictType);

    /// <summary>413: the body is longer than the route accepts.</summary>
    public static ObjectResult TooLarge(string what, long maxBytes) => Result(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"{what} is at most {maxBytes:#,0} bytes.");
}
