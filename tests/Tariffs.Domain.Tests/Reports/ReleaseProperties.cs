using FsCheck.Xunit;
using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// Disclosure control across releases over generated histories: batches of households in three areas, late lines,
/// flags (a correction row: the household becomes eligible and receives an adjustment) and recomputes, over the first
/// half of 2022. The attacker keeps every public release and differences across releases and areas, then runs exact
/// elimination over all of them with the hidden true values as unknowns.
/// </summary>
public class ReleaseProperties
{
    private static readonly string[] Areas = ["A", "B", "C"];
    private static readonly Instant Start = Instant.FromUtc(2022, 1, 1, 0, 0);

    private static readonly Func<EquityCell, decimal>[] Amounts =
    [
        c => c.BilledTotalMinor, c => c.StandardTotalMinor, c => c.AdjustmentsTotalMinor, c => c.HouseholdsBilled, c => c.QuantityBilled,
    ];

    /// <summary>Plays a script of 4-byte steps (kind, area, month, size); the clock moves 1–8 days a step.</summary>
    private static ReleaseSimulator Play(byte[] script)
    {
        var simulator = new ReleaseSimulator();
        var now = Start;
        var households = 0;
        var billed = new List<ReportLine>();
        for (var s = 0; s + 3 < script.Length; s += 4)
        {
            var (kind, area, month, size) = (script[s] % 4, Areas[script[s + 1] % Areas.Length], script[s + 2] % 6 + 1, script[s + 3]);
            now += Duration.FromDays(size % 8 + 1);
            var today = now.InUtc().Date;
            var end = new LocalDate(2022, month, 1).PlusMonths(1).PlusDays(-1);
            if (end > today)
                end = today; // bills come for periods that have started
            switch (kind)
            {
                case 0: // a batch of households
                    for (var i = 0; i < size % 16; i++)
                        Bill(area, end, i);
                    break;
                case 1: // one late line
                    Bill(area, end, size);
                    break;
                case 2 when billed.Count > 0: // a flag: a correction row on a billed household
                    var line = billed[size % billed.Count];
                    simulator.Store(line with { BilledMinor = 0, StandardBillMinor = 0, Quantity = 0, BillAdjustmentsMinor = -(100 + size), Eligible = true }, now);
                    break;
                default:
                    simulator.Recompute(now);
                    break;
            }
        }
        simulator.Recompute(Instant.FromUtc(2022, 12, 31, 0, 0)); // the half-year is closed: everything left is released
        return simulator;

        void Bill(string area, LocalDate end, int salt)
        {
            var line = new ReportLine("metro", "water", area, $"h{households++}", end, "EUR", 1_000 + 37 * salt, 1_000 + 37 * salt, 0, 0, false, 10m, "m3")
            {
                AnnualIncomeMinor = salt % 3 == 0 ? 2_000_000 : null,
            };
            billed.Add(line);
            simulator.Store(line, now);
        }
    }

    [Property(MaxTest = 60)]
    public bool Every_released_cell_keeps_its_figures_and_statuses_in_every_later_release(byte[] script)
    {
        var simulator = Play(script);
        return simulator.Releases.SelectMany(r => r).GroupBy(p => p.Key).All(g => g.Distinct().Count() == 1)
            && simulator.Releases.Zip(simulator.Releases.Skip(1)).All(p => p.First.All(p.Second.Contains));
    }

    [Property(MaxTest = 60)]
    public bool No_released_cell_is_of_a_period_that_was_running_or_within_the_delay(byte[] script) =>
        Play(script).Releases[^1].All(p => ReportPeriod.TryParse(p.Key.Period, out var period)
            && period.Value.End.PlusDays(8).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() <= p.ReleasedAt);

    [Property(MaxTest = 60)]
    public bool No_primary_cell_nor_small_group_is_recovered_from_every_release_kept(byte[] script)
    {
        // Each key has one set of figures in every release (the property above), so the union is one cell per key.
        var union = Play(script).Releases.SelectMany(r => r).GroupBy(p => p.Key).Select(g => g.First()).ToList();
        static bool Primary(PublicCell p) => p.Cell.Suppression is SuppressionReason.TooFewHouseholds or SuppressionReason.Dominance;
        var whole = Attack(union, p => p.Hidden, Primary);
        var eligibility = Attack(union, p => p.EligibilityHidden, p => Primary(p) || SmallEligibility(p.Cell));
        var income = Attack(union, p => p.IncomeHidden, p => Primary(p) || SmallIncome(p.Cell));
        return Amounts.All(a => whole.Recovered(a) && whole.Exact())
            && eligibility.Recovered(c => c.HouseholdsEligible) && eligibility.Recovered(c => c.HouseholdsReceived) && eligibility.Exact()
            && income.Recovered(c => c.HouseholdsWithKnownIncome) && income.Recovered(c => c.HouseholdsAboveThresholdBefore) && income.Exact();
    }

    /// <summary>
    /// The attacks on one group of figures: <c>Recovered(amount)</c> is true when <see cref="DifferencingAttacker"/>
    /// recovers no sensitive cell's amount; <c>Exact()</c> when <see cref="DisclosureAudit"/> finds none, table by table.
    /// </summary>
    private static (Func<Func<EquityCell, decimal>, bool> Recovered, Func<bool> Exact) Attack(List<PublicCell> union, Func<PublicCell, bool> hidden, Func<PublicCell, bool> sensitive)
    {
        var cells = union.Select(p => p.Cell with { Suppression = hidden(p) ? SuppressionReason.Complementary : SuppressionReason.None }).ToList();
        var secret = union.Where(sensitive).Select(p => p.Key).ToHashSet();
        return (
            amount => !DifferencingAttacker.Recover(cells, amount).Keys.Any(secret.Contains),
            () => cells.GroupBy(c => (c.Key.Service, c.Key.Authority, Year: c.Key.Period[..4])).All(table =>
            {
                var list = table.ToList();
                var unknown = Enumerable.Range(0, list.Count).Where(i => list[i].Suppressed).ToHashSet();
                return !DisclosureAudit.Recoverable(ReportHierarchy.Relations(list.Select(c => c.Key).ToList()), unknown).Any(i => secret.Contains(list[i].Key));
            }));
    }

    [Property(MaxTest = 60)]
    public bool No_sub_population_under_k_is_visible(byte[] script) =>
        Play(script).Releases[^1].All(p => p.Hidden
            || (p.Cell.HouseholdsBilled >= K && (p.EligibilityHidden || !SmallEligibility(p.Cell)) && (p.IncomeHidden || !SmallIncome(p.Cell))));

    private const int K = EquityReportRules.DefaultSuppressionThreshold;

    /// <summary>A group of 1..k−1 households: eligible or not among billed, received or not among eligible.</summary>
    private static bool SmallEligibility(EquityCell c) =>
        Small(c.HouseholdsEligible) || Small(c.HouseholdsBilled - c.HouseholdsEligible)
        || Small(c.HouseholdsReceived) || Small(c.HouseholdsEligible - c.HouseholdsReceived);

    /// <summary>A group of 1..k−1 households: of known income or not, above the threshold or not among known.</summary>
    private static bool SmallIncome(EquityCell c) =>
        Small(c.HouseholdsWithKnownIncome) || Small(c.HouseholdsBilled - c.HouseholdsWithKnownIncome)
        || Small(c.HouseholdsAboveThresholdBefore) || Small(c.HouseholdsWithKnownIncome - c.HouseholdsAboveThresholdBefore)
        || Small(c.HouseholdsAboveThresholdAfter) || Small(c.HouseholdsWithKnownIncome - c.HouseholdsAboveThresholdAfter);

    private static bool Small(int count) => count is >= 1 and < K;
}
