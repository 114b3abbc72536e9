namespace Tariffs.Domain.Reports;

/// <summary>
/// The indicators of one report cell. Households are counted once per cell whatever their number of lines.
/// <list type="bullet">
/// <item><see cref="HouseholdsBilled"/>: households with at least one priced line attributed to the cell
/// (a line belongs to the period holding the last day of its billing period).</item>
/// <item><see cref="HouseholdsEligible"/>: billed households eligible for a program on at least one day of a line.</item>
/// <item><see cref="HouseholdsReceived"/>: billed households whose lines carry a non-zero social adjustment or payment.</item>
/// <item><see cref="TakeUpRate"/>: received ÷ eligible; null when no household is eligible.</item>
/// <item><see cref="BilledTotalMinor"/>: Σ of what operators billed; <see cref="StandardTotalMinor"/>: Σ of
/// standard bills repriced by Tariffs; <see cref="AdjustmentsTotalMinor"/>: Σ of bill adjustments (negative
/// = the cost of the social tariff); <see cref="PaymentsTotalMinor"/>: Σ of payments to households.</item>
/// <item><see cref="Suppressed"/>: true when fewer than k households are billed; public output then
/// withholds every figure of the cell.</item>
/// </list>
/// </summary>
public sealed record EquityCell(
    EquityCellKey Key,
    string Currency,
    int HouseholdsBilled,
    int HouseholdsEligible,
    int HouseholdsReceived,
    long BilledTotalMinor,
    long StandardTotalMinor,
    long AdjustmentsTotalMinor,
    long PaymentsTotalMinor,
    bool Suppressed)
{
    /// <summary>Received ÷ eligible, or null when nobody is eligible.</summary>
    public double? TakeUpRate => HouseholdsEligible == 0 ? null : (double)HouseholdsReceived / HouseholdsEligible;
}
