using NodaTime;

namespace Tariffs.Domain.Billing;

/// <summary>
/// One household's line in an operator's billing batch: who (a pseudonymous household id), where (area
/// code), what was consumed over which inclusive period, under which tariff, and what the operator billed.
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
    decimal BilledAmount);
