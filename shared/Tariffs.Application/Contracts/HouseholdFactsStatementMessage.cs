using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>
/// A statement of a household's facts from social services (schema: shared/contracts/household-facts.schema.json):
/// what was established on <see cref="AsOf"/>, under <see cref="FactsId"/> (the idempotency key), with the agency and
/// its evidence. Every fact is optional: an absent fact is unknown.
/// </summary>
public sealed class HouseholdFactsStatementMessage
{
    public string? FactsId { get; init; }
    public string? HouseholdId { get; init; }
    public LocalDate? AsOf { get; init; }
    public string? SourceAgency { get; init; }
    public string? EvidenceReference { get; init; }
    public decimal? AnnualIncome { get; init; }
    public int? IncomeReferenceYear { get; init; }
    public int? Persons { get; init; }
    public bool? PensionersOnly { get; init; }
    public bool? MedicalNeed { get; init; }
    public bool? ChequeEnergieAttestation { get; init; }
    public int? SharedCustodyChildren { get; init; }
    public IReadOnlyList<BenefitMessage>? Benefits { get; init; }
    public bool? MainResidence { get; init; }
    public string? Tenure { get; init; }
}
