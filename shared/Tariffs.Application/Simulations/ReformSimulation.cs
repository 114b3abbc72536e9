using System.Globalization;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Simulations;

/// <summary>
/// A reform simulated on stored bills: each stored line priced by the engine under the published catalog and under a
/// draft, with the same eligibility (<see cref="Add"/>), summed per household and year (the year holding the line's
/// last day, as the equity report counts it) in its area and in the authority's total. Cells
/// (<see cref="Build"/>) follow the public report's small-cell rule; <see cref="Households"/> is the household-level
/// diff, for the regulator only. Memory grows with the households of the range, not with its lines.
/// </summary>
public sealed class ReformSimulation(int suppressionThreshold = EquityReportRules.DefaultSuppressionThreshold)
{
    /// <summary>Upper limits of the bands of a household's yearly change, in the catalog's currency: up to 10, 10 to 50, over 50.</summary>
    public static IReadOnlyList<decimal> BandLimits { get; } = [10m, 50m];

    private readonly Dictionary<(string Period, string Area, string Household), HouseholdChange> households = [];
    private readonly Dictionary<(string Period, string Area), string> currencies = [];

    /// <summary>Adds one stored line priced now (<paramref name="now"/>) and under the draft (<paramref name="draft"/>).</summary>
    public void Add(LedgerLine line, LineOutcome now, LineOutcome draft)
    {
        var period = line.Period.End.Year.ToString(CultureInfo.InvariantCulture);
        foreach (var area in new[] { line.Area, EquityCellKey.AllAreas })
        {
            var key = (period, area, line.HouseholdId);
            var sum = households.GetValueOrDefault(key) ?? new HouseholdChange(period, area, line.HouseholdId, 0, 0, 0, 0);
            households[key] = sum with
            {
                NetNow = sum.NetNow + now.SocialBill - now.Payments,
                NetDraft = sum.NetDraft + draft.SocialBill - draft.Payments,
                SocialNow = sum.SocialNow + Social(now),
                SocialDraft = sum.SocialDraft + Social(draft),
            };
            currencies[(period, area)] = now.Currency.Code;
        }
    }

    /// <summary>The household-level diff, by period, area and household (the total <c>*</c> included): for the regulator only.</summary>
    public IEnumerable<HouseholdChange> Households() => households.Values
        .OrderBy(h => h.Period, StringComparer.Ordinal).ThenBy(h => h.Area, StringComparer.Ordinal).ThenBy(h => h.HouseholdId, StringComparer.Ordinal);

    /// <summary>The cells, by period then area, with the small-cell rule applied.</summary>
    public IReadOnlyList<SimulationCell> Build() => households.Values
        .GroupBy(h => (h.Period, h.Area))
        .OrderBy(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.Area, StringComparer.Ordinal)
        .Select(g => Cell(g.Key.Period, g.Key.Area, currencies[g.Key], [.. g]))
        .ToList();

    private SimulationCell Cell(string period, string area, string currency, IReadOnlyList<HouseholdChange> members)
    {
        if (members.Count < suppressionThreshold)
            return new SimulationCell(period, area, currency, true, null, null, null, null, null, null, null, null, new Dictionary<string, int?>());
        var bands = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (name, test) in Bands())
            bands[name] = Count(members, test);
        return new SimulationCell(period, area, currency, false, members.Count,
            members.Sum(m => m.SocialNow), members.Sum(m => m.SocialDraft),
            Count(members, m => m.Change < 0), Count(members, m => m.Change > 0), Count(members, m => m.Change == 0),
            Count(members, m => m.SocialNow != 0), Count(members, m => m.SocialDraft != 0), bands);
    }

    /// <summary>The bands of change: worse off by up to 10, 10 to 50, over 50; better off likewise (limits inclusive above).</summary>
    private static IEnumerable<(string Name, Func<HouseholdChange, bool> Test)> Bands()
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

    /// <summary>The count of members passing <paramref name="test"/>, or null when it or its complement is 1 to k − 1 (it would point at a few households).</summary>
    private int? Count(IReadOnlyList<HouseholdChange> members, Func<HouseholdChange, bool> test)
    {
        var count = members.Count(test);
        return Few(count) || Few(members.Count - count) ? null : count;
    }

    private bool Few(int count) => count > 0 && count < suppressionThreshold;

    /// <summary>What the social tariff gives on a line: the bill reductions and the payments.</summary>
    private static decimal Social(LineOutcome outcome) => outcome.StandardBill - outcome.SocialBill + outcome.Payments;
}
