namespace Tariffs.Domain.Reports;

/// <summary>
/// The indicators of one report cell, amounts in minor units. Households are counted once per cell whatever
/// their number of lines; a line belongs to the month, quarter and year holding the last day of its billing
/// period; compensation and blocked restrictions are counted from the universal-service events of the cell's
/// period and area. docs/api.md defines each published indicator; <see cref="EquityCellFields"/> declares how each
/// figure is stored and published.
/// </summary>
public sealed record EquityCell
{
    /// <summary>Period, service, authority and area of the cell.</summary>
    public required EquityCellKey Key { get; init; }

    /// <summary>ISO 4217 code of every amount of the cell.</summary>
    public required string Currency { get; init; }

    /// <summary>Unit of <see cref="QuantityBilled"/> ("m3", "kWh"); empty when no line or lines of several units.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Households with at least one priced line in the cell.</summary>
    public int HouseholdsBilled { get; init; }

    /// <summary>Billed households eligible for a program on at least one day of one of their lines.</summary>
    public int HouseholdsEligible { get; init; }

    /// <summary>Billed households whose lines carry a non-zero social adjustment or payment.</summary>
    public int HouseholdsReceived { get; init; }

    /// <summary>
    /// Billed households determined eligible for a program (its criteria against their facts) on a day of a line, as the
    /// ledger last recorded the line, whatever an agency decided; a household eligible both ways counts here and in
    /// <see cref="HouseholdsFlagged"/>.
    /// </summary>
    public int HouseholdsDetermined { get; init; }

    /// <summary>Billed households an agency's flag makes eligible for a program on a day of a line (after revocations), as last recorded.</summary>
    public int HouseholdsFlagged { get; init; }

    /// <summary>The take-up gap: households of <see cref="HouseholdsDetermined"/> whose lines carry no non-zero social adjustment or payment.</summary>
    public int HouseholdsDeterminedNotReceived { get; init; }

    /// <summary>Σ of what operators billed.</summary>
    public long BilledTotalMinor { get; init; }

    /// <summary>Σ of standard bills as repriced by Tariffs (the bills before social adjustments).</summary>
    public long StandardTotalMinor { get; init; }

    /// <summary>Σ of bill adjustments; negative = the cost of the social tariff.</summary>
    public long AdjustmentsTotalMinor { get; init; }

    /// <summary>Σ of payments to households, apart from bills.</summary>
    public long PaymentsTotalMinor { get; init; }

    /// <summary>Σ of guaranteed-standards compensation owed for incidents in the cell (from service events).</summary>
    public long CompensationTotalMinor { get; init; }

    /// <summary>Σ of the quantities billed, in <see cref="Unit"/>.</summary>
    public decimal QuantityBilled { get; init; }

    /// <summary>Billed households whose annual income was known when a line of theirs was priced.</summary>
    public int HouseholdsWithKnownIncome { get; init; }

    /// <summary>Of those, households whose standard bill exceeds the affordability threshold.</summary>
    public int HouseholdsAboveThresholdBefore { get; init; }

    /// <summary>Of those, households whose social bill (standard + adjustments) exceeds the threshold.</summary>
    public int HouseholdsAboveThresholdAfter { get; init; }

    /// <summary>Lines billed above the repriced uniform tariff beyond the tolerance (overcharge findings).</summary>
    public int OverchargeFindings { get; init; }

    /// <summary>Σ of the overcharge findings' excess (billed − repriced).</summary>
    public long OverchargeTotalMinor { get; init; }

    /// <summary>Restriction requests the guard blocked in the cell (from service events).</summary>
    public int BlockedRestrictions { get; init; }

    /// <summary>Why the cell is withheld from public output, or <see cref="SuppressionReason.None"/>.</summary>
    public SuppressionReason Suppression { get; init; }

    /// <summary>True while the period is not over in the authority's time zone: more lines may still come.</summary>
    public bool Provisional { get; init; }

    /// <summary>True when public output withholds every figure of the cell.</summary>
    public bool Suppressed => Suppression != SuppressionReason.None;

    /// <summary>Received ÷ eligible, or null when nobody is eligible.</summary>
    public double? TakeUpRate => HouseholdsEligible == 0 ? null : (double)HouseholdsReceived / HouseholdsEligible;

    /// <summary>Average standard bill per billed household, in minor units (unrounded); null without households.</summary>
    public decimal? AverageBillBeforeMinor => HouseholdsBilled == 0 ? null : (decimal)StandardTotalMinor / HouseholdsBilled;

    /// <summary>Average social bill (standard + adjustments) per billed household, in minor units (unrounded).</summary>
    public decimal? AverageBillAfterMinor => HouseholdsBilled == 0 ? null : (decimal)(StandardTotalMinor + AdjustmentsTotalMinor) / HouseholdsBilled;

    /// <summary>
    /// SISPEA P109.0 in minor units per m³: −Σ adjustments ÷ Σ m³ billed (the cost of the social tariff per m³);
    /// null unless the cell's unit is m³ and some quantity was billed.
    /// </summary>
    public decimal? SocialCostPerCubicMetreMinor => Unit == "m3" && QuantityBilled > 0 ? -AdjustmentsTotalMinor / QuantityBilled : null;

    /// <summary>Share of households with known income whose standard bill is above the threshold; null when no income is known.</summary>
    public double? AffordabilityShareBefore => HouseholdsWithKnownIncome == 0 ? null : (double)HouseholdsAboveThresholdBefore / HouseholdsWithKnownIncome;

    /// <summary>The same share for the social bill.</summary>
    public double? AffordabilityShareAfter => HouseholdsWithKnownIncome == 0 ? null : (double)HouseholdsAboveThresholdAfter / HouseholdsWithKnownIncome;
}
