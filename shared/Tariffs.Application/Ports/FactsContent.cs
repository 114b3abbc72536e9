using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Ports;

/// <summary>
/// The canonical text of a household's facts, as adapters store and compare them: compact JSON, dates yyyy-MM-dd,
/// the income by value (18000.50 is written 18000.5), absent facts left out — so the same facts always give the same text.
/// </summary>
public static class FactsContent
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The facts' canonical text.</summary>
    public static string Write(HouseholdFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return JsonSerializer.Serialize(new Content(
            StoredDate.Format(facts.AsOf),
            facts.AnnualIncome?.ToString("G29", CultureInfo.InvariantCulture),
            facts.IncomeReferenceYear, facts.Persons, facts.PensionersOnly, facts.MedicalNeed, facts.ChequeEnergieAttestation, facts.SharedCustodyChildren,
            facts.Benefits?.Select(b => new Benefit(b.Code, StoredDate.Format(b.Period.Start), StoredDate.Format(b.Period.End))).ToArray(),
            facts.MainResidence, facts.Tenure), Options);
    }

    /// <summary>The facts a canonical text holds.</summary>
    public static HouseholdFacts Read(string text)
    {
        var c = JsonSerializer.Deserialize<Content>(text, Options) ?? throw new JsonException("Stored facts are not a JSON object.");
        return new HouseholdFacts(StoredDate.Parse(c.AsOf),
            c.Income is null ? null : decimal.Parse(c.Income, CultureInfo.InvariantCulture),
            c.Year, c.Persons, c.PensionersOnly, c.MedicalNeed, c.ChequeEnergieAttestation, c.SharedCustodyChildren,
            c.Benefits?.Select(b => new BenefitReceipt(b.Code, new DateInterval(StoredDate.Parse(b.From), StoredDate.Parse(b.To)))).ToArray(),
            c.MainResidence, c.Tenure);
    }

    private sealed record Content(string AsOf, string? Income, int? Year, int? Persons, bool? PensionersOnly, bool? MedicalNeed, bool? ChequeEnergieAttestation,
        int? SharedCustodyChildren, Benefit[]? Benefits, bool? MainResidence, string? Tenure);

    private sealed record Benefit(string Code, string From, string To);
}
