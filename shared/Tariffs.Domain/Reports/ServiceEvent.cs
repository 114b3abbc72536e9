using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// A universal-service event an equity report counts besides billed lines: guaranteed-standards compensation
/// owed to a household (in minor units), or a restriction request that the rules blocked — in an area, on a day.
/// </summary>
public readonly record struct ServiceEvent(
    string Authority,
    string Service,
    string Area,
    string? HouseholdId,
    LocalDate Date,
    string Currency,
    long CompensationMinor,
    bool BlockedRestriction);
