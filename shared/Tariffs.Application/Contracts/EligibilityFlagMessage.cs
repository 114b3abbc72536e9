using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>
/// A household flagged eligible for a program by social services (schema:
/// shared/contracts/eligibility-flag.schema.json). The flag id is the idempotency key; the window is
/// inclusive and open-ended when <c>to</c> is absent.
/// </summary>
public sealed class EligibilityFlagMessage
{
    public string? FlagId { get; init; }
    public string? HouseholdId { get; init; }
    public string? Program { get; init; }
    public WindowMessage? Window { get; init; }
    public LocalDate? DecisionDate { get; init; }
    public string? SourceAgency { get; init; }
    public string? EvidenceReference { get; init; }
    public HouseholdFactsMessage? Facts { get; init; }
}

/// <summary>An eligibility window: from a day, to a day (inclusive) or open-ended.</summary>
public sealed class WindowMessage
{
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
}

/// <summary>The household facts the rules need, as known on <see cref="AsOf"/>.</summary>
public sealed class HouseholdFactsMessage
{
    public LocalDate? AsOf { get; init; }
    public decimal? AnnualIncome { get; init; }
    public int? IncomeReferenceYear { get; init; }
    public int? Persons { get; init; }
    public bool? PensionersOnly { get; init; }
    public bool? MedicalNeed { get; init; }
    public bool? ChequeEnergieAttestation { get; init; }
}
