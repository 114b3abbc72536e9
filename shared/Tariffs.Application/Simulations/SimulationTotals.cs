using Tariffs.Domain.Reports;

namespace Tariffs.Application.Simulations;

/// <summary>
/// The cells of a simulation (<see cref="SimulationCell"/>) from its households' yearly sums streamed in one at a time
/// (<see cref="Add"/>: each household row of a period and area once), with the public report's rules
/// (<see cref="EquityReportRules"/>): the small-cell and dominance rules, and secondary suppression
/// (<see cref="SecondarySuppression"/>, the report's own) so that a hidden area cannot be recovered from the total.
/// Memory grows with the cells (period × area), not with the households: what a cell shows is counts, sums and the
/// largest cost, all summed as households come.
/// </summary>
public sealed class SimulationTotals(EquityReportRules? rules = null)
{
    /// <summary>Upper limits of the bands of a household's yearly change, in the catalog's currency: up to 10, 10 to 50, over 50.</summary>
    public static IReadOnlyList<decimal> BandLimits { get; } = [10m, 50m];

    private static readonly IReadOnlyList<(string Name, Func<HouseholdChange, bool> Test)> Bands = [.. BandTests()];

    private readonly EquityReportRules rules = rules ?? new EquityReportRules();
    private readonly Dictionary<(string Period, string Area), SimulationCellSums> cells = [];

    private int Threshold => rules.SuppressionThreshold;

    /// <summary>Adds one household's sums for a period and area, in a cell of <paramref name="currency"/> and <paramref name="service"/>.</summary>
    public void Add(HouseholdChange household, string currency, string service)
    {
        ArgumentNullException.ThrowIfNull(household);
        var key = (household.Period, household.Area);
        if (!cells.TryGetValue(key, out var sums))
            cells[key] = sums = new SimulationCellSums(currency, service, Bands.Count);
        var (socialNow, socialDraft) = (household.SocialNow != 0, household.SocialDraft != 0);
        sums.Households++;
        sums.SocialNow += household.SocialNow;
        sums.SocialDraft += household.SocialDraft;
        sums.AbsoluteNow += Math.Abs(household.SocialNow);
        sums.AbsoluteDraft += Math.Abs(household.SocialDraft);
        sums.LargestNow = Math.Max(sums.LargestNow, Math.Abs(household.SocialNow));
        sums.LargestDraft = Math.Max(sums.LargestDraft, Math.Abs(household.SocialDraft));
        sums.BetterOff += household.Change < 0 ? 1 : 0;
        sums.WorseOff += household.Change > 0 ? 1 : 0;
        sums.Unchanged += household.Change == 0 ? 1 : 0;
        sums.ReceivingNow += socialNow ? 1 : 0;
        sums.ReceivingDraft += socialDraft ? 1 : 0;
        sums.EligibleNow += household.EligibleNow ? 1 : 0;
        sums.EligibleDraft += household.EligibleDraft ? 1 : 0;
        sums.EligibleReceivingNow += household.EligibleNow && socialNow ? 1 : 0;
        sums.EligibleReceivingDraft += household.EligibleDraft && socialDraft ? 1 : 0;
        for (var band = 0; band < Bands.Count; band++)
            sums.Bands[band] += Bands[band].Test(household) ? 1 : 0;
        if (household.AnnualIncome is not { } income)
            return;
        sums.KnownIncome++;
        if (!rules.AffordabilityThresholds.TryGetValue(service, out var share))
            return;
        // A year's bill against the year's income (the report's rule for a year: annual income × threshold × 1).
        sums.AboveBefore += household.StandardNow > income * share ? 1 : 0;
        sums.AboveNow += household.BillNow > income * share ? 1 : 0;
        sums.AboveDraft += household.BillDraft > income * share ? 1 : 0;
    }

    /// <summary>The cells, by period then area, with the public report's suppression applied.</summary>
    public IReadOnlyList<SimulationCell> Build()
    {
        var ordered = cells.OrderBy(c => c.Key.Period, StringComparer.Ordinal).ThenBy(c => c.Key.Area, StringComparer.Ordinal).ToList();
        var primary = ordered.Select(c => new EquityCell
        {
            Key = new EquityCellKey(c.Key.Period, c.Value.Service, "", c.Key.Area),
            Currency = c.Value.Currency,
            HouseholdsBilled = c.Value.Households,
            Suppression = c.Value.Households < Threshold ? SuppressionReason.TooFewHouseholds
                : Dominated(c.Value.AbsoluteNow, c.Value.LargestNow) || Dominated(c.Value.AbsoluteDraft, c.Value.LargestDraft) ? SuppressionReason.Dominance
                : SuppressionReason.None,
        }).ToList();
        var complementary = SecondarySuppression.Complementary(primary);
        return [.. ordered.Select((c, i) => primary[i].Suppressed || complementary.Contains(i)
            ? new SimulationCell(c.Key.Period, c.Key.Area, c.Value.Currency, true, null, null, null, null, null, null, null, null, new Dictionary<string, int?>())
            : Cell(c.Key.Period, c.Key.Area, c.Value))];
    }

    private SimulationCell Cell(string period, string area, SimulationCellSums sums)
    {
        var n = sums.Households;
        var bands = new Dictionary<string, int?>(StringComparer.Ordinal);
        for (var band = 0; band < Bands.Count; band++)
            bands[Bands[band].Name] = Count(sums.Bands[band], n);
        var (eligibleNow, eligibleDraft) = (Count(sums.EligibleNow, n), Count(sums.EligibleDraft, n));
        var cell = new SimulationCell(period, area, sums.Currency, false, n, sums.SocialNow, sums.SocialDraft,
            Count(sums.BetterOff, n), Count(sums.WorseOff, n), Count(sums.Unchanged, n), Count(sums.ReceivingNow, n), Count(sums.ReceivingDraft, n), bands)
        {
            EligibleNow = eligibleNow,
            EligibleDraft = eligibleDraft,
            TakeUpNow = Ratio(sums.EligibleReceivingNow, eligibleNow),
            TakeUpDraft = Ratio(sums.EligibleReceivingDraft, eligibleDraft),
        };
        if (!rules.AffordabilityThresholds.ContainsKey(sums.Service) || Few(sums.KnownIncome) || Few(n - sums.KnownIncome))
            return cell;
        return cell with
        {
            HouseholdsWithKnownIncome = sums.KnownIncome,
            AboveThresholdBefore = Count(sums.AboveBefore, sums.KnownIncome),
            AboveThresholdNow = Count(sums.AboveNow, sums.KnownIncome),
            AboveThresholdDraft = Count(sums.AboveDraft, sums.KnownIncome),
        };
    }

    /// <summary>Received ÷ eligible, counting the eligible who receive; null when the eligible count is withheld or nil.</summary>
    private static double? Ratio(int receiving, int? eligible) => eligible is > 0 ? (double)receiving / eligible.Value : null;

    /// <summary>The public report's dominance rule: one household holds more than the dominance share of the amount (parts in absolute value).</summary>
    private bool Dominated(decimal sum, decimal largest) => sum > 0 && largest > rules.DominanceShare * sum;

    /// <summary>The bands of change: worse off by up to 10, 10 to 50, over 50; better off likewise (limits inclusive above).</summary>
    private static IEnumerable<(string Name, Func<HouseholdChange, bool> Test)> BandTests()
    {
        var low = 0m;
        foreach (var limit in BandLimits.Append(decimal.MaxValue))
        {
            var (from, to) = (low, limit);
            var label = to == decimal.MaxValue ? $"over {from}" : $"{from} to {to}";
            yield return ($"worse off {label}", h => h.Change > from && h.Change <= to);
            yield return ($"better off {label}", h => -h.Change > from && -h.Change <= to);
            low = limit;
        }
    }

    /// <summary>The count, or null when it or its complement among <paramref name="of"/> is 1 to k − 1 (it would point at a few households).</summary>
    private int? Count(int count, int of) => Few(count) || Few(of - count) ? null : count;

    private bool Few(int count) => count > 0 && count < Threshold;
}
