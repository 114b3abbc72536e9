using System.Text.Json;
using Tariffs.Application.Json;

namespace Tariffs.Functions.Exports;

/// <summary>The body of <c>POST /api/exports</c>: empty, or a JSON object with at most <c>authority</c> (the authority the export is taken for).</summary>
public sealed record ExportRequest(string? Authority)
{
    /// <summary>Longest authority id accepted.</summary>
    public const int MaxAuthorityLength = 100;

    /// <summary>The request, or every fault of the body (JSON paths).</summary>
    public static (ExportRequest? Request, IReadOnlyList<string> Errors) Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return (new ExportRequest((string?)null), []);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, TariffsJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, [$"$: not readable JSON ({e.Message})"]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, ["$: an export request is a JSON object"]);
            var errors = new List<string>();
            string? authority = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "authority")
                    errors.Add($"$.{property.Name}: not a field of an export request (only authority)");
                else if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { Length: > 0 and <= MaxAuthorityLength } text)
                    errors.Add($"$.authority: an authority id, a string of 1 to {MaxAuthorityLength} characters");
                else
                    authority = text;
            }
            return errors.Count > 0 ? (null, errors) : (new ExportRequest(authority), []);
        }
    }
}
