namespace Tariffs.Domain.Reports;

/// <summary>
/// One report cell: the sums of its rows, added as they come, and what its households make of it — distinct counts,
/// the largest part and the sum of the parts of each amount (the dominance rule), affordability — folded in one
/// household at a time (<see cref="Fold"/>) once each household's part is complete. Holds nothing per household.
/// </summary>
internal sealed class CellAccumulator(string currency, decimal? affordabilityThreshold, decimal shareOfYear)
{
    /// <summary>The amounts the dominance rule looks at, in the order of <see cref="parts"/>.</summary>
    private const int Billed = 0, Standard = 1, Adjustments = 2, Payments = 3, Compensation = 4;

    private long billed, standard, adjustments, payments, compensation, overcharge;
    private int overchargeFindings, blockedRestrictions;
    private decimal quantity;
    private string? unit;

    private int households, eligible, received, determined, flagged, determinedNotReceived, known, before, after;

    /// <summary>Per amount: the sum of the households' parts and the largest part, in absolute value.</summary>
    private readonly (decimal Sum, decimal Largest)[] parts = new (decimal, decimal)[5];

    /// <summary>Adds a line's amounts to the cell's sums.</summary>
    public void Add(in ReportLine line)
    {
        billed += line.BilledMinor;
        standard += line.StandardBillMinor;
        adjustments += line.BillAdjustmentsMinor;
        payments += line.PaymentsMinor;
        compensation += line.CompensationMinor;
        if (line.OverchargeMinor > 0)
        {
            overchargeFindings++;
            overcharge += line.OverchargeMinor;
        }
        quantity += line.Quantity;
        unit = unit is null || unit == line.Unit ? line.Unit : "";
    }

    /// <summary>Adds a compensation or a blocked restriction to the cell's sums; households are counted from billed lines only.</summary>
    public void Add(in ServiceEvent serviceEvent)
    {
        compensation += serviceEvent.CompensationMinor;
        if (serviceEvent.BlockedRestriction)
            blockedRestrictions++;
    }

    /// <summary>Forgets the households folded in (the sums of the rows stay).</summary>
    public void ClearHouseholds()
    {
        households = eligible = received = determined = flagged = determinedNotReceived = known = before = after = 0;
        Array.Clear(parts);
    }

    /// <summary>
    /// Folds in one household's complete part of the cell: counted when it has a billed line in it; its compensation
    /// is a part of the dominance rule's compensation either way (billed or not).
    /// </summary>
    public void Fold(in HouseholdTally household)
    {
        Part(Compensation, household.CompensationMinor);
        if (!household.Billed)
            return;
        households++;
        if (household.Eligible)
            eligible++;
        if (household.Received)
            received++;
        if (household.Determined)
            determined++;
        if (household.Flagged)
            flagged++;
        if (household.Determined && !household.Received)
            determinedNotReceived++;
        Part(Billed, household.BilledMinor);
        Part(Standard, household.StandardMinor);
        Part(Adjustments, household.AdjustmentsMinor);
        Part(Payments, household.PaymentsMinor);
        // Affordability: the share of the household's annual income the period stands for, before and after adjustments.
        if (affordabilityThreshold is not { } threshold || household.AnnualIncomeMinor is not { } income)
            return;
        known++;
        var limit = income * threshold * shareOfYear;
        if (household.StandardMinor > limit)
            before++;
        if (household.StandardMinor + household.AdjustmentsMinor > limit)
            after++;
    }

    public EquityCell ToCell(EquityCellKey key, EquityReportRules rules) => new()
    {
        Key = key,
        Currency = currency,
        Unit = unit ?? "",
        HouseholdsBilled = households,
        HouseholdsEligible = eligible,
        HouseholdsReceived = received,
        HouseholdsDetermined = determined,
        HouseholdsFlagged = flagged,
        HouseholdsDeterminedNotReceived = determinedNotReceived,
        BilledTotalMinor = billed,
        StandardTotalMinor = standard,
        AdjustmentsTotalMinor = adjustments,
        PaymentsTotalMinor = payments,
        CompensationTotalMinor = compensation,
        QuantityBilled = quantity,
        HouseholdsWithKnownIncome = known,
        HouseholdsAboveThresholdBefore = before,
        HouseholdsAboveThresholdAfter = after,
        OverchargeFindings = overchargeFindings,
        OverchargeTotalMinor = overcharge,
        BlockedRestrictions = blockedRestrictions,
        Suppression = households < rules.SuppressionThreshold ? SuppressionReason.TooFewHouseholds
            : IsDominated(rules.DominanceShare) ? SuppressionReason.Dominance
            : SuppressionReason.None,
    };

    /// <summary>True when one household holds more than <paramref name="share"/> of an amount (parts taken in absolute value).</summary>
    private bool IsDominated(decimal share) => parts.Any(p => p.Sum > 0 && p.Largest > share * p.Sum);

    private void Part(int amount, long value)
    {
        var size = Math.Abs((decimal)value);
        ref var part = ref parts[amount];
        part.Sum += size;
        part.Largest = Math.Max(part.Largest, size);
    }
}
