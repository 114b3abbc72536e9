using System.Globalization;
using System.Text.Json;
using Tariffs.Functions.Hosting;
using Tariffs.Application.Ports;

namespace Tariffs.Functions.Billing;

/// <summary>
/// A stored rejection of a batch as its operator reads it: what was refused (<c>line</c> with its number, a line by its
/// <c>index</c> in the batch when its number could not be read, a <c>chunk</c>, the <c>batch</c> as a whole, or a
/// <c>conflict</c> of content under its id), the household when the excerpt names one, the reason as stored, each fault
/// as <c>{path, problem}</c>, and the excerpt.
/// </summary>
public sealed record BatchRejectionView(string Scope, int? LineNumber, int? Index, string? HouseholdId, string Reason,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Errors, string Excerpt)
{
    /// <summary>The view of a rejection stored under a batch.</summary>
    public static BatchRejectionView Of(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var kind = rejection.Key.Split('|')[0];
        var number = kind is "line" or "index" && int.TryParse(rejection.Key[(kind.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return new BatchRejectionView(kind, kind == "line" ? number : null, kind == "index" ? number : null, HouseholdOf(rejection.Excerpt),
            rejection.Reason, Problem.Faults(rejection.Reason).Select(Problem.Error).ToList(), rejection.Excerpt);
    }

    /// <summary>The excerpt's <c>householdId</c> when it is a readable JSON object naming one (an excerpt may be cut).</summary>
    private static string? HouseholdOf(string excerpt)
    {
        if (!excerpt.StartsWith('{'))
            return null;
        try
        {
            using var document = JsonDocument.Parse(excerpt);
            return document.RootElement.TryGetProperty("householdId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
