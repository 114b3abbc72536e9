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

    /// <summary>Type of a 400 whose document or message breaks its contract: <c>errors</c> lists each fault as <c>{path, problem}</c>.</summary>
    public const string ValidationType = "urn:tariffs:problem:validation";

    /// <summary>Type of a 400 whose query parameters cannot be read.</summary>
    public const string InvalidQueryType = "urn:tariffs:problem:invalid-query";

    /// <summary>Type of a 404: no such object, or one the caller may not see.</summary>
    public const string NotFoundType = "urn:tariffs:problem:not-found";

    /// <summary>Type of a 500: an unexpected failure, told only by its <c>correlationId</c> (the details are in the logs).</summary>
    public const string InternalType = "urn:tariffs:problem:internal";

    /// <summary>
    /// The 500 of an unhandled exception: nothing of the exception (no message, no stack), only
    /// <c>correlationId</c> (the invocation id the logs and traces carry) for the caller to quote.
    /// </summary>
    public static ProblemDetails Internal(string correlationId)
    {
        var details = Details(StatusCodes.Status500InternalServerError, "Internal error",
            $"The request failed unexpectedly; quote correlation id {correlationId} to the service's operators.", InternalType);
        details.Extensions["correlationId"] = correlationId;
        return details;
    }

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

    /// <summary>
    /// 400 for a document refused by its contract: <c>detail</c> is the first fault, <c>problems</c> every fault as
    /// <c>"path: problem"</c> text and <c>errors</c> the same as <c>{path, problem}</c> objects; <paramref name="extensions"/>
    /// adds members (the batch id of a refused batch, say).
    /// </summary>
    public static ObjectResult Validation(string title, IEnumerable<string> problems, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToList();
        var details = Details(StatusCodes.Status400BadRequest, title, list.Count switch
        {
            0 => title,
            1 => list[0],
            _ => $"{list[0]} (and {list.Count - 1} more)",
        }, ValidationType);
        details.Extensions["problems"] = list;
        details.Extensions["errors"] = list.Select(Error).ToList();
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
            details.Extensions[name] = value;
        return Result(details);
    }

    /// <summary>400: a query parameter cannot be read (<paramref name="detail"/> names it).</summary>
    public static ObjectResult InvalidQuery(string detail) => Result(StatusCodes.Status400BadRequest, "Invalid query", detail, InvalidQueryType);

    /// <summary>404: no such object (or one the caller may not see: the same answer).</summary>
    public static ObjectResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, "Not found", detail, NotFoundType);

    /// <summary>
    /// The faults of a refusal as the Application writes it (<c>"$.a: problem; $.b: problem"</c>, or one sentence naming
    /// no path): split where a new JSON path starts.
    /// </summary>
    public static IReadOnlyList<string> Faults(string? refusal) => string.IsNullOrEmpty(refusal)
        ? []
        : refusal.Split("; $", StringSplitOptions.None).Select((part, i) => i == 0 ? part : "$" + part).ToList();

    /// <summary>A fault written <c>"path: problem"</c> as <c>{path, problem}</c> (path empty when the text names none).</summary>
    public static IReadOnlyDictionary<string, string> Error(string text)
    {
        var colon = text.StartsWith('$') ? text.IndexOf(": ", StringComparison.Ordinal) : -1;
        return colon < 0
            ? new Dictionary<string, string> { ["path"] = "", ["problem"] = text }
            : new Dictionary<string, string> { ["path"] = text[..colon], ["problem"] = text[(colon + 2)..] };
    }
}
