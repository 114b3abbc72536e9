using System.Runtime.InteropServices;
using Tariffs.Domain.Ledger;

namespace Tariffs.Domain.Reports;

/// <summary>
/// Sums the lines of one report cell and keeps one <see cref="HouseholdTally"/> per household (for distinct
/// counts, the dominance rule and affordability): memory grows with households, not lines.
/// </summary>
internal sealed class CellAccumulator(string currency)
{
    private readonly Dictionary<string, HouseholdTally> households = new(StringComparer.Ordinal);
    private long billed, standard, adjustments, payments, compensation, overcharge;
    private int overchargeFindings, blockedRestrictions;

    /// <summary>Compensation of households with no billed line in the cell, for the dominance rule only.</summary>
    private readonly Dictionary<string, long> unbilledCompensation = new(StringComparer.Ordinal);
    private decimal quantity;
    private string? unit;

    public void Add(in ReportLine line)
    {
        ref var household = ref CollectionsMarshal.GetValueRefOrAddDefault(households, line.HouseholdId, out _);
        household.Eligible |= line.Eligible;
        household.Received |= line.BillAdjustmentsMinor != 0 || line.PaymentsMinor != 0;
        if (line.Ways is { } ways) // unknown (stored before the basis was recorded): in neither count
        {
            household.Determined |= (ways & EligibilityWays.Determined) != 0;
            household.Flagged |= (ways & EligibilityWays.Flagged) != 0;
        }
        household.BilledMinor += line.BilledMinor;
        household.StandardMinor += line.StandardBillMinor;
        household.AdjustmentsMinor += line.BillAdjustmentsMinor;
        household.PaymentsMinor += line.PaymentsMinor;
        household.CompensationMinor += line.CompensationMinor;
        household.AnnualIncomeMinor = line.AnnualIncomeMinor ?? household.AnnualIncomeMinor;

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

    /// <summary>Adds a compensation or a blocked restriction; households are counted from billed lines only.</summary>
    public void Add(in ServiceEvent serviceEvent)
    {
        compensation += serviceEvent.CompensationMinor;
        if (serviceEvent.BlockedRestriction)
            blockedRestrictions++;
        if (serviceEvent.CompensationMinor == 0 || serviceEvent.HouseholdId is not { } id)
            return;
        ref var household = ref CollectionsMarshal.GetValueRefOrNullRef(households, id);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref household))
            household.CompensationMinor += serviceEvent.CompensationMinor;
        else
            unbilledCompensation[id] = unbilledCompensation.GetValueOrDefault(id) + serviceEvent.CompensationMinor;
    }

    public EquityCell ToCell(EquityCellKey key, ReportPeriod period, EquityReportRules rules)
    {
        var (known, before, after) = Affordability(key.Service, period, rules);
        return new EquityCell
        {
            Key = key,
            Currency = currency,
            Unit = unit ?? "",
            HouseholdsBilled = households.Count,
            HouseholdsEligible = households.Values.Count(h => h.Eligible),
            HouseholdsReceived = households.Values.Count(h => h.Received),
            HouseholdsDetermined = households.Values.Count(h => h.Determined),
            HouseholdsFlagged = households.Values.Count(h => h.Flagged),
            HouseholdsDeterminedNotReceived = households.Values.Count(h => h.Determined && !h.Received),
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
            Suppression = households.Count < rules.SuppressionThreshold ? SuppressionReason.TooFewHouseholds
                : IsDominated(rules.DominanceShare) ? SuppressionReason.Dominance
                : SuppressionReason.None,
        };
    }

    /// <summary>True when one household holds more than <paramref name="share"/> of an amount (parts taken in absolute value).</summary>
    private bool IsDominated(decimal share) =>
        Dominated(h => h.BilledMinor, share) || Dominated(h => h.StandardMinor, share) || Dominated(h => h.AdjustmentsMinor, share)
        || Dominated(h => h.PaymentsMinor, share) || CompensationDominated(share);

    private bool CompensationDominated(decimal share)
    {
        var parts = households.Values.Select(h => Math.Abs((decimal)h.CompensationMinor)).Concat(unbilledCompensation.Values.Select(v => Math.Abs((decimal)v))).ToList();
        var sum = parts.Sum();
        return sum > 0 && parts.Max() > share * sum;
    }

    private bool Dominated(Func<HouseholdTally, long> part, decimal share)
    {
        decimal sum = 0, largest = 0;
        foreach (var household in households.Values)
        {
            var value = Math.Abs((decimal)part(household));
            sum += value;
            largest = Math.Max(largest, value);
        }
        return sum > 0 && largest > share * sum;
    }

    /// <summary>
    /// Households of known income, and of those how many pay more than the service's threshold share of their
    /// income for the period (annual income × threshold × the period's share of a year), before and after.
    /// </summary>
    private (int Known, int Before, int After) Affordability(string service, ReportPeriod period, EquityReportRules rules)
    {
        if (!rules.AffordabilityThresholds.TryGetValue(service, out var threshold))
            return (0, 0, 0);
        int known = 0, before = 0, after = 0;
        foreach (var household in households.Values)
        {
            if (household.AnnualIncomeMinor is not { } income)
                continue;
            known++;
            var limit = income * threshold * period.ShareOfYear;
            if (household.StandardMinor > limit)
                before++;
            if (household.StandardMinor + household.AdjustmentsMinor > limit)
                after++;
        }
        return (known, before, after);
    }
}
