using System.Globalization;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Simulations;

/// <summary>
/// A reform simulated on stored bills: each stored line priced by the engine under the published catalog and under a
/// draft, with the same eligibility (<see cref="Add(LedgerLine, LineOutcome, LineOutcome)"/>), summed per household
/// and year (the year holding the line's last day, as the equity report counts it) in its area and in the authority's
/// total; sums made elsewhere (a chunk of a queued simulation) are merged with <see cref="Add(HouseholdChange, string, string)"/>.
/// Cells (<see cref="Build"/>) follow the public report's rules (<see cref="EquityReportRules"/>): the small-cell and
/// dominance rules, and secondary suppression (<see cref="SecondarySuppression"/>, the report's own) so that a hidden
/// area cannot be recovered from the total; <see cref="Households"/> is the household-level diff, for the regulator
/// only. Memory grows with the households of the range, not with its lines.
/// </summary>
public sealed class ReformSimulation(EquityReportRules? rules = null)
{
    /// <summary>Upper limits of the bands of a household's yearly change, in the catalog's currency: up to 10, 10 to 50, over 50.</summary>
    public static IReadOnlyList<decimal> BandLimits { get; } = [10m, 50m];

    private readonly EquityReportRules rules = rules ?? new EquityReportRules();
    private readonly Dictionary<(string Period, string Area, string Household), HouseholdChange> households = [];
    private readonly Dictionary<(string Period, string Area), (string Currency, string Service)> cells = [];

    private int Threshold => rules.SuppressionThreshold;

    /// <summary>Adds one stored line priced now (<paramref name="now"/>) and under the draft (<paramref name="draft"/>).</summary>
    public void Add(LedgerLine line, LineOutcome now, LineOutcome draft)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(draft);
        var period = line.Period.End.Year.ToString(CultureInfo.InvariantCulture);
        foreach (var area in new[] { line.Area, EquityCellKey.AllAreas })
        {
            Add(new HouseholdChange(period, area, line.HouseholdId, now.SocialBill - now.Payments, draft.SocialBill - draft.Payments, Social(now), Social(draft))
            {
                StandardNow = now.StandardBill,
                StandardDraft = draft.StandardBill,
                BillNow = now.SocialBill,
                BillDraft = draft.SocialBill,
                EligibleNow = now.Eligible,
                EligibleDraft = draft.Eligible,
                AnnualIncome = line.AnnualIncomeMinor is { } income ? now.Currency.FromMinorUnits(income) : null,
            }, now.Currency.Code, line.Service);
        }
    }

    /// <summary>Adds a household's sums made elsewhere, in a cell of <paramref name="currency"/> and <paramref name="service"/>.</summary>
    public void Add(HouseholdChange change, string currency, string service)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = (change.Period, change.Area, change.HouseholdId);
        households[key] = households.GetValueOrDefault(key) is { } sum ? sum.Plus(change) : change;
        cells[(change.Period, change.Area)] = (currency, service);
    }

    /// <summary>The currency and service of each cell, by period and area.</summary>
    public IReadOnlyDictionary<(string Period, string Area), (string Currency, string Service)> Cells => cells;

    /// <summary>The household-level diff, by period, area and household (the total <c>*</c> included): for the regulator only.</summary>
    public IEnumerable<HouseholdChange> Households() => households.Values
        .OrderBy(h => h.Period, StringComparer.Ordinal).ThenBy(h => h.Area, StringComparer.Ordinal).ThenBy(h => h.HouseholdId, StringComparer.Ordinal);

    /// <summary>The cells, by period then area, with the public report's suppression applied.</summary>
    public IReadOnlyList<SimulationCell> Build()
    {
        var groups = households.Values
            .GroupBy(h => (h.Period, h.Area))
            .OrderBy(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.Area, StringComparer.Ordinal)
            .Select(g => (g.Key, Members: (IReadOnlyList<HouseholdChange>)[.. g]))
            .ToList();
        var primary = groups.Select(g => new EquityCell
        {
            Key = new EquityCellKey(g.Key.Period, cells[g.Key].Service, "", g.Key.Area),
            Currency = cells[g.Key].Currency,
            HouseholdsBilled = g.Members.Count,
            Suppression = g.Members.Count < Threshold ? SuppressionReason.TooFewHouseholds
                : Dominated(g.Members, m => m.SocialNow) || Dominated(g.Members, m => m.SocialDraft) ? SuppressionReason.Dominance
                : SuppressionReason.None,
        }).ToList();
        var complementary = SecondarySuppression.Complementary(primary);
        return [.. groups.Select((g, i) => primary[i].Suppressed || complementary.Contains(i)
            ? new SimulationCell(g.Key.Period, g.Key.Area, cells[g.Key].Currency, true, null, null, null, null, null, null, null, null, new Dictionary<string, int?>())
            : Cell(g.Key.Period, g.Key.Area, cells[g.Key].Currency, cells[g.Key].Service, g.Members))];
    }

    private SimulationCell Cell(string period, string area, string currency, string service, IReadOnlyList<HouseholdChange> members)
    {
        var bands = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (name, test) in Bands())
            bands[name] = Count(members, test);
        var (eligibleNow, eligibleDraft) = (Count(members, m => m.EligibleNow), Count(members, m => m.EligibleDraft));
        var (receivingNow, receivingDraft) = (Count(members, m => m.SocialNow != 0), Count(members, m => m.SocialDraft != 0));
        var cell = new SimulationCell(period, area, currency, false, members.Count,
            members.Sum(m => m.SocialNow), members.Sum(m => m.SocialDraft),
            Count(members, m => m.Change < 0), Count(members, m => m.Change > 0), Count(members, m => m.Change == 0),
            receivingNow, receivingDraft, bands)
        {
            EligibleNow = eligibleNow,
            EligibleDraft = eligibleDraft,
            TakeUpNow = Ratio(members.Count(m => m.EligibleNow && m.SocialNow != 0), eligibleNow),
            TakeUpDraft = Ratio(members.Count(m => m.EligibleDraft && m.SocialDraft != 0), eligibleDraft),
        };
        if (!rules.AffordabilityThresholds.TryGetValue(service, out var share))
            return cell;
        var known = members.Where(m => m.AnnualIncome is not null).ToList();
        if (Few(known.Count) || Few(members.Count - known.Count))
            return cell;
        // A year's bill against the year's income (the report's rule for a year: annual income × threshold × 1).
        bool Above(HouseholdChange m, decimal bill) => bill > m.AnnualIncome!.Value * share;
        return cell with
        {
            HouseholdsWithKnownIncome = known.Count,
            AboveThresholdBefore = Count(known, m => Above(m, m.StandardNow)),
            AboveThresholdNow = Count(known, m => Above(m, m.BillNow)),
            AboveThresholdDraft = Count(known, m => Above(m, m.BillDraft)),
        };
    }

    /// <summary>Received ÷ eligible, counting the eligible who receive; null when the eligible count is withheld or nil.</summary>
    private static double? Ratio(int receiving, int? eligible) => eligible is > 0 ? (double)receiving / eligible.Value : null;

    /// <summary>The public report's dominance rule: one household holds more than the dominance share of the amount (parts in absolute value).</summary>
    private bool Dominated(IReadOnlyList<HouseholdChange> members, Func<HouseholdChange, decimal> part)
    {
        decimal sum = 0, largest = 0;
        foreach (var member in members)
        {
            var value = Math.Abs(part(member));
            sum += value;
            largest = Math.Max(largest, value);
        }
        return sum > 0 && largest > rules.DominanceShare * sum;
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

    private bool Few(int count) => count > 0 && count < Threshold;

    /// <summary>What the social tariff gives on a line: the bill reductions and the payments.</summary>
    private static decimal Social(LineOutcome outcome) => outcome.StandardBill - outcome.SocialBill + outcome.Payments;
}
