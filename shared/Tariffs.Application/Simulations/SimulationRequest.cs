using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Tariffs.Application.Catalog;
using Tariffs.Application.Json;
using Tariffs.Domain.Catalog;

namespace Tariffs.Application.Simulations;

/// <summary>
/// The body of <c>POST /api/simulations</c>: <c>{"authority", "service", "from", "to", "draft"}</c>, the draft a catalog
/// document read exactly like a published one (<see cref="CatalogDocumentReader"/>), for the same authority and
/// service, and the lines whose billing period ends from <c>from</c> to <c>to</c> (yyyy-MM-dd, inclusive).
/// </summary>
public sealed record SimulationRequest(string Authority, string Service, LocalDate From, LocalDate To, ServiceCatalog Draft, string DraftJson)
{
    /// <summary>The request, or every fault of the body as <c>"$.path: problem"</c> (a draft's faults under <c>$.draft</c>).</summary>
    public static (SimulationRequest? Request, IReadOnlyList<string> Errors) Read(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(TariffsJson.WithoutByteOrderMark(body), TariffsJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, [$"$: not a JSON document ({e.Message})"]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, ["$: a simulation request is a JSON object"]);
            var errors = new List<string>();
            var authority = Text(document.RootElement, "authority", errors);
            var service = Text(document.RootElement, "service", errors);
            var from = Date(document.RootElement, "from", errors);
            var to = Date(document.RootElement, "to", errors);
            if (from is { } f && to is { } t && t < f)
                errors.Add("$.to: before $.from");
            ServiceCatalog? draft = null;
            string? draftJson = null;
            if (!document.RootElement.TryGetProperty("draft", out var draftElement) || draftElement.ValueKind != JsonValueKind.Object)
                errors.Add("$.draft: required, a catalog document");
            else
            {
                draftJson = draftElement.GetRawText();
                var read = CatalogDocumentReader.Read(draftJson);
                errors.AddRange(read.Errors.Select(e => e.StartsWith('$') ? "$.draft" + e[1..] : "$.draft: " + e));
                draft = read.Catalog;
                if (draft is not null && authority is not null && service is not null && (draft.Authority != authority || draft.Service != service))
                    errors.Add($"$.draft: a catalog of {draft.Authority}/{draft.Service}, not of the simulation's {authority}/{service}");
            }
            return errors.Count > 0
                ? (null, errors)
                : (new SimulationRequest(authority!, service!, from!.Value, to!.Value, draft!, draftJson!), []);
        }
    }

    private static string? Text(JsonElement root, string name, List<string> errors)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            return text;
        errors.Add($"$.{name}: required, a non-empty string");
        return null;
    }

    private static LocalDate? Date(JsonElement root, string name, List<string> errors)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && LocalDatePattern.Iso.Parse(value.GetString()!) is { Success: true } parsed)
            return parsed.Value;
        errors.Add($"$.{name}: required, a date (yyyy-MM-dd)");
        return null;
    }
}
