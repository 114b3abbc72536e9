using System.Globalization;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Simulations;

/// <summary>
/// A reform simulated on stored bills: each stored line priced by the engine under the published catalog and under a
/// draft (<see cref="Add(LedgerLine, LineOutcome, LineOutcome)"/>), summed per household and year (the year holding the
/// line's last day, as the equity report counts it) in its area and in the authority's total; sums made elsewhere are
/// merged with <see cref="Add(HouseholdChange, string, string)"/>. Cells (<see cref="Build"/>) follow the public
/// report's rules (<see cref="SimulationTotals"/>); <see cref="Households"/> is the household-level diff, for the
/// regulator only. Memory grows with the households added, not with their lines: a queued simulation keeps one in
/// memory per segment of a chunk only (<see cref="SimulationRunner"/>).
/// </summary>
public sealed class ReformSimulation(EquityReportRules? rules = null)
{
    private readonly Dictionary<(string Period, string Area, string Household), HouseholdChange> households = [];
    private readonly Dictionary<(string Period, string Area), (string Currency, string Service)> cells = [];

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

    /// <summary>The household-level diff, by period, area and household (the total <c>*</c> included): for the regulator only.</summary>
    public IEnumerable<HouseholdChange> Households() => households.Values
        .OrderBy(h => h.Period, StringComparer.Ordinal).ThenBy(h => h.Area, StringComparer.Ordinal).ThenBy(h => h.HouseholdId, StringComparer.Ordinal);

    /// <summary>The cells, by period then area, with the public report's suppression applied (<see cref="SimulationTotals"/>).</summary>
    public IReadOnlyList<SimulationCell> Build()
    {
        var totals = new SimulationTotals(rules);
        foreach (var household in households.Values)
        {
            var (currency, service) = cells[(household.Period, household.Area)];
            totals.Add(household, currency, service);
        }
        return totals.Build();
    }

    /// <summary>What the social tariff gives on a line: the bill reductions and the payments.</summary>
    private static decimal Social(LineOutcome outcome) => outcome.StandardBill - outcome.SocialBill + outcome.Payments;
}
