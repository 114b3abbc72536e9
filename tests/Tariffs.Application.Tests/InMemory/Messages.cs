using System.Text;
using System.Text.Json;
using NodaTime;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;

namespace Tariffs.Application.Tests.InMemory;

/// <summary>The JSON of billing lines, flags, revocations and facts as operators and social services send them, for tests.</summary>
internal static class Messages
{
    /// <summary>A billing line; <paramref name="persons"/> 0 makes it invalid.</summary>
    public static BillingLineMessage Line(int number, string household, int persons, DateInterval period, decimal quantity, string unit, string tariff, decimal billed) => new()
    {
        LineNumber = number, HouseholdId = household, AccountId = "acc-" + household, Area = "A1", MainResidence = true, Persons = persons,
        Period = new PeriodMessage { From = period.Start, To = period.End },
        Consumption = new ConsumptionMessage { Quantity = quantity, Unit = unit }, TariffCode = tariff, BilledAmount = billed,
    };

    /// <summary>The bytes of a chunk: its lines' JSON separated by commas.</summary>
    public static ReadOnlyMemory<byte> Chunk(IEnumerable<BillingLineMessage> lines) =>
        Encoding.UTF8.GetBytes(string.Join(",", lines.Select(l => JsonSerializer.Serialize(l, TariffsJson.Options))));

    /// <summary>A flag of a household for a program from a day (open-ended), with facts or none.</summary>
    public static string Flag(string flagId, string household, string program, LocalDate from, LocalDate? to, LocalDate decision, HouseholdFactsMessage? facts = null) =>
        JsonSerializer.Serialize(new EligibilityFlagMessage
        {
            FlagId = flagId, HouseholdId = household, Program = program, Window = new WindowMessage { From = from, To = to }, DecisionDate = decision,
            SourceAgency = "caf", EvidenceReference = "ref-" + flagId, Facts = facts,
        }, TariffsJson.Options);

    /// <summary>A revocation of a household's eligibility for a program from a day.</summary>
    public static string Revocation(string revocationId, string household, string program, LocalDate effective, LocalDate decision) =>
        JsonSerializer.Serialize(new EligibilityRevocationMessage
        {
            RevocationId = revocationId, HouseholdId = household, Program = program, EffectiveDate = effective, DecisionDate = decision, SourceAgency = "caf",
        }, TariffsJson.Options);

    /// <summary>A statement of a household's facts from the agency "caf": income, persons and main residence as of a day.</summary>
    public static string Facts(string factsId, string household, LocalDate asOf, decimal income, int persons = 1, bool mainResidence = true) =>
        JsonSerializer.Serialize(new HouseholdFactsStatementMessage
        {
            FactsId = factsId, HouseholdId = household, AsOf = asOf, SourceAgency = "caf", EvidenceReference = "ref-" + factsId,
            AnnualIncome = income, IncomeReferenceYear = asOf.Year - 2, Persons = persons, MainResidence = mainResidence,
        }, TariffsJson.Options);
}
