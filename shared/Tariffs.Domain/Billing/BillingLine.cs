using NodaTime;

namespace Tariffs.Domain.Billing;

/// <summary>
/// One household's line in an operator's billing batch: who (a pseudonymous household id), where (area
/// code), what was consumed over which inclusive period, under which tariff, and what the operator billed.
/// A household has at least one person and consumes nothing negative; the billed amount may be negative (a credit note).
/// </summary>
public sealed record BillingLine(
    int LineNumber,
    string HouseholdId,
    string AccountId,
    string Area,
    bool MainResidence,
    int Persons,
    DateInterval Period,
    decimal Quantity,
    string Unit,
    string TariffCode,
    decimal BilledAmount)
{
    /// <summary>Persons in the household: 1 or more.</summary>
    public int Persons { get; } = Guard.AtLeast(Persons, 1);

    /// <summary>The quantity consumed over the period: 0 or more.</summary>
    public decimal Quantity { get; } = Guard.NonNegative(Quantity);
}
