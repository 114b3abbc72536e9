using NodaTime;

namespace Tariffs.Domain.Eligibility;

/// <summary>
/// What social services know of a household, as of a date, that the rules need. Every fact is optional:
/// a missing fact is unknown, never zero or false. A rule that needs an unknown fact does not apply, and the
/// line says so (<see cref="Engine.LineNote"/>).
/// </summary>
/// <param name="AsOf">The day the facts were established: they hold from it until newer facts (the first facts also cover their window's days before it).</param>
/// <param name="AnnualIncome">Annual household income, 0 or more (resources, revenu fiscal de référence), in the catalog's currency.</param>
/// <param name="IncomeReferenceYear">The year the income refers to.</param>
/// <param name="Persons">Persons in the household, 1 or more; when unknown the billing line's count is used.</param>
/// <param name="PensionersOnly">Every member is of pensionable age (UK winter protection).</param>
/// <param name="MedicalNeed">A member depends on the supply for medical reasons.</param>
/// <param name="ChequeEnergieAttestation">The household holds a chèque énergie attestation (French winter truce).</param>
public sealed record HouseholdFacts(
    LocalDate AsOf,
    decimal? AnnualIncome = null,
    int? IncomeReferenceYear = null,
    int? Persons = null,
    bool? PensionersOnly = null,
    bool? MedicalNeed = null,
    bool? ChequeEnergieAttestation = null)
{
    /// <summary>Annual household income when known: 0 or more.</summary>
    public decimal? AnnualIncome { get; } = Guard.NonNegative(AnnualIncome);

    /// <summary>Persons in the household when known: 1 or more.</summary>
    public int? Persons { get; } = Guard.AtLeast(Persons, 1);
}
