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
/// <param name="SharedCustodyChildren">Of the persons, the minor children in alternating custody (each counts a half share of consumption units), 0 or more.</param>
/// <param name="Benefits">Benefits received, each with its code and dates (an empty list: none; null: unknown).</param>
/// <param name="MainResidence">The supply is the household's main residence.</param>
/// <param name="Tenure">How the household occupies its home, as a code the catalog's criteria name ("owner", "tenant", "social-tenant" …).</param>
public sealed record HouseholdFacts(
    LocalDate AsOf,
    decimal? AnnualIncome = null,
    int? IncomeReferenceYear = null,
    int? Persons = null,
    bool? PensionersOnly = null,
    bool? MedicalNeed = null,
    bool? ChequeEnergieAttestation = null,
    int? SharedCustodyChildren = null,
    IReadOnlyList<BenefitReceipt>? Benefits = null,
    bool? MainResidence = null,
    string? Tenure = null)
{
    /// <summary>Annual household income when known: 0 or more.</summary>
    public decimal? AnnualIncome { get; } = Guard.NonNegative(AnnualIncome);

    /// <summary>Persons in the household when known: 1 or more.</summary>
    public int? Persons { get; } = Guard.AtLeast(Persons, 1);

    /// <summary>Children in alternating custody when known: 0 or more, fewer than the persons when both are known (an adult heads the household).</summary>
    public int? SharedCustodyChildren { get; } = Persons is { } n && SharedCustodyChildren >= n
        ? throw new ArgumentOutOfRangeException(nameof(SharedCustodyChildren), SharedCustodyChildren, "Children in alternating custody are fewer than the persons.")
        : Guard.AtLeast(SharedCustodyChildren, 0);
}
