using System.Text.Json;
using Tariffs.Domain.Ledger;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// The stored form of an <see cref="EligibilityBasis"/> (column <c>EligibilityBasis</c> of a line row and of a
/// correction's row): a JSON object, one property per program in catalog order, its value <c>determined</c>,
/// <c>flagged</c> or <c>both</c> (<c>{"css":"determined"}</c>); <c>{}</c> when eligible for none. A row without the
/// column was stored before the basis was recorded: its basis is unknown (null), never guessed.
/// </summary>
public static class EligibilityBasisText
{
    /// <summary>The text of <paramref name="basis"/>; null for null.</summary>
    public static string? Format(EligibilityBasis? basis)
    {
        if (basis is null)
            return null;
        if (basis.Programs.Count == 0)
            return "{}"; // most lines: no allocation
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var program in basis.Programs)
                json.WriteString(program.ProgramId, program.Ways switch
                {
                    EligibilityWays.Determined => "determined",
                    EligibilityWays.Flagged => "flagged",
                    EligibilityWays.Both => "both",
                    _ => throw new ArgumentException($"Program {program.ProgramId}: no way of eligibility to record.", nameof(basis)),
                });
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The basis <paramref name="text"/> holds; null for null or empty (unknown). Throws <see cref="InvalidDataException"/> for anything else that is not a basis.</summary>
    public static EligibilityBasis? Parse(string? text, string where)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{where}: eligibility basis '{text}' is not an object.");
        var programs = new List<ProgramBasis>();
        foreach (var property in document.RootElement.EnumerateObject())
            programs.Add(new ProgramBasis(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() switch
            {
                "determined" => EligibilityWays.Determined,
                "flagged" => EligibilityWays.Flagged,
                "both" => EligibilityWays.Both,
                var other => throw new InvalidDataException($"{where}: unknown way of eligibility '{other}' for program {property.Name}."),
            } : throw new InvalidDataException($"{where}: the way of eligibility for program {property.Name} is not a string.")));
        return programs.Count == 0 ? EligibilityBasis.None : new EligibilityBasis(programs);
    }
}
