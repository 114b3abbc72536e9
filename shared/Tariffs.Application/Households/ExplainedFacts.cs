namespace Tariffs.Application.Households;

/// <summary>
/// One stored facts statement: its id, the day the facts were established, who sent it with which evidence, when
/// Tariffs received it (ISO instant), and the facts (absent ones null: unknown).
/// </summary>
public sealed record ExplainedFacts(
    string FactsId,
    string AsOf,
    string SourceAgency,
    string EvidenceReference,
    string ReceivedAt,
    decimal? AnnualIncome,
    int? IncomeReferenceYear,
    int? Persons,
    bool? PensionersOnly,
    bool? MedicalNeed,
    bool? ChequeEnergieAttestation,
    int? SharedCustodyChildren,
    IReadOnlyList<ExplainedBenefit>? Benefits,
    bool? MainResidence,
    string? Tenure);
