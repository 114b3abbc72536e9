using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// The four attacks of issue 11 on the public report, replayed over every public release an attacker keeps
/// (<see cref="ReleaseSimulator"/>): a complementary pattern chosen afresh, a cell republished after one household
/// joins, a sub-population of one, and a line coded as the authority's total.
/// </summary>
public class ReleaseAttackTests
{
    private static readonly LocalDate January = new(2022, 1, 28);

    private static ReportLine Line(string area, string household, long billed, long adjustment = 0, bool eligible = false) =>
        new("metro", "water", area, household, January, "EUR", billed, billed, adjustment, 0, eligible || adjustment != 0, 10m, "m3");

    private static Instant On(int month, int day) => Instant.FromUtc(2022, month, day, 12, 0);

    private static void StoreArea(ReleaseSimulator simulator, string area, int from, int to, Instant at)
    {
        for (var i = from; i < to; i++)
            simulator.Store(Line(area, $"{area}{i}", 1_000 + 10 * i), at);
    }

    [Fact]
    public void Households_joining_the_complementary_cell_do_not_let_the_total_minus_the_others_give_the_lone_household_away()
    {
        // Areas A (1 household), B (12), C (13) in January; after the first release two households join B, late.
        var simulator = new ReleaseSimulator();
        simulator.Store(Line("A", "lone", 9_000), On(1, 29));
        StoreArea(simulator, "B", 0, 12, On(1, 29));
        StoreArea(simulator, "C", 0, 13, On(1, 29));
        var first = simulator.Recompute(On(2, 10)).ToDictionary(p => p.Key.Area);
        StoreArea(simulator, "B", 12, 14, On(2, 12));
        simulator.Recompute(On(2, 20));

        Assert.True(first["A"].Hidden);
        Assert.True(first["B"].Hidden); // the complementary cell: the smaller of B and C
        Assert.False(first["C"].Hidden);
        // A = total(2nd) − B(2nd) − C(1st), for every way of picking the three from the releases kept.
        foreach (var total in Published(simulator, "*"))
            foreach (var b in Published(simulator, "B"))
                foreach (var c in Published(simulator, "C"))
                    Assert.NotEqual(9_000, total - b - c);
        // The late households reach the regulator's view only.
        var regulator = new EquityReportBuilder();
        foreach (var line in simulator.Rows)
            regulator.Add(line);
        Assert.Equal(14, regulator.Build().Single(c => c.Key is { Period: "2022-01", Area: "B" }).HouseholdsBilled);
        Assert.Equal(12, simulator.Latest()[("2022-01", "B")].Cell.HouseholdsBilled);
    }

    [Fact]
    public void A_published_cell_does_not_move_when_one_household_joins_and_a_running_period_is_never_public()
    {
        var simulator = new ReleaseSimulator();
        StoreArea(simulator, "X", 0, 11, On(1, 20));

        Assert.Empty(simulator.Recompute(On(1, 25))); // January is running
        Assert.Empty(simulator.Recompute(On(2, 8).Minus(Duration.FromHours(13)))); // over, but the 7-day delay is not (1 February + 7 days, 00:00)
        var released = simulator.Recompute(On(2, 8)).ToDictionary(p => p.Key.Area);
        simulator.Store(Line("X", "newcomer", 77_777), On(2, 9));
        simulator.Recompute(On(2, 20));
        simulator.Recompute(On(4, 20)); // the quarter is released from the same rows as its months

        Assert.Equal(11, released["X"].Cell.HouseholdsBilled);
        Assert.False(released["X"].Hidden);
        var billed = Enumerable.Range(0, 11).Sum(i => 1_000L + 10 * i); // 11,550
        Assert.Equal(billed, released["X"].Cell.BilledTotalMinor);
        // Differencing any two releases of any cell gives nothing: every release holds the same figures.
        foreach (var cells in simulator.Releases.SelectMany(r => r).GroupBy(p => p.Key))
            Assert.Single(cells.Distinct());
        var latest = simulator.Latest();
        Assert.Equal(billed, latest[("2022-Q1", "X")].Cell.BilledTotalMinor);
        Assert.Equal(11, latest[("2022-Q1", "X")].Cell.HouseholdsBilled);
    }

    [Fact]
    public void Sub_populations_under_k_are_withheld_with_their_ratios_and_cannot_be_recovered_from_the_total()
    {
        // X: 12 households, one eligible who received nothing, one of known income. Y: 30, 15 eligible and receiving.
        var simulator = new ReleaseSimulator();
        for (var i = 0; i < 12; i++)
            simulator.Store(Line("X", $"x{i}", 1_000, eligible: i == 0) with { AnnualIncomeMinor = i == 1 ? 1_500_000 : null }, On(1, 29));
        for (var i = 0; i < 30; i++)
            simulator.Store(Line("Y", $"y{i}", 1_000, i < 15 ? -100 : 0), On(1, 29));
        var cells = simulator.Recompute(On(2, 10)).ToDictionary(p => p.Key.Area);

        Assert.False(cells["X"].Hidden);
        Assert.Equal((1, 0, 1), (cells["X"].Cell.HouseholdsEligible, cells["X"].Cell.HouseholdsReceived, cells["X"].Cell.HouseholdsWithKnownIncome));
        Assert.True(cells["X"].EligibilityHidden);
        Assert.True(cells["X"].IncomeHidden);
        Assert.True(cells["*"].EligibilityHidden); // 16 eligible, 15 received: one eligible household received nothing
        Assert.True(cells["*"].IncomeHidden); // one household of known income
        Assert.False(cells["Y"].EligibilityHidden);
        var table = simulator.Releases[^1].ToList();
        Assert.Empty(DisclosureAudit.Recoverable(ReportHierarchy.Relations(table.Select(p => p.Key).ToList()),
            Enumerable.Range(0, table.Count).Where(i => table[i].EligibilityHidden).ToHashSet()));
    }

    [Fact]
    public void A_small_group_in_one_area_is_not_the_total_minus_the_other_areas()
    {
        // X: 12 households, one eligible (receiving nothing). Y: 30, 15 eligible and receiving. Z: 24, 12 eligible
        // receiving nothing. The total (66 billed, 28 eligible, 15 received) is no small group itself: without a
        // complement, X's eligible count = total − Y − Z.
        var simulator = new ReleaseSimulator();
        for (var i = 0; i < 12; i++)
            simulator.Store(Line("X", $"x{i}", 1_000, eligible: i == 0), On(1, 29));
        for (var i = 0; i < 30; i++)
            simulator.Store(Line("Y", $"y{i}", 1_000, i < 15 ? -100 : 0), On(1, 29));
        for (var i = 0; i < 24; i++)
            simulator.Store(Line("Z", $"z{i}", 1_000, eligible: i < 12), On(1, 29));
        var cells = simulator.Recompute(On(2, 10)).ToDictionary(p => p.Key.Area);

        Assert.All(cells.Values, p => Assert.False(p.Hidden));
        Assert.True(cells["X"].EligibilityHidden);
        Assert.Equal(28, cells["*"].Cell.HouseholdsEligible);
        Assert.True(new[] { "*", "Y", "Z" }.Count(a => cells[a].EligibilityHidden) >= 1);
        var published = cells.Values.Where(p => !p.EligibilityHidden).ToDictionary(p => p.Key.Area, p => p.Cell.HouseholdsEligible);
        Assert.False(published.ContainsKey("*") && published.ContainsKey("Y") && published.ContainsKey("Z"));
    }

    [Fact]
    public void A_line_coded_as_the_total_is_counted_once_in_the_total_and_in_an_area_of_its_own()
    {
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        builder.Add(Line("*", "star", 5_000));
        builder.Add(Line("N", "n", 1_000));

        var cells = builder.Build().Where(c => c.Key.Period == "2022-01").ToDictionary(c => c.Key.Area);

        Assert.Equal(6_000, cells["*"].BilledTotalMinor);
        Assert.Equal(2, cells["*"].HouseholdsBilled);
        Assert.Equal(5_000, cells[EquityCellKey.ReservedArea].BilledTotalMinor);
        Assert.Equal(cells["*"].BilledTotalMinor, cells.Values.Where(c => !c.Key.IsTotal).Sum(c => c.BilledTotalMinor));
    }

    /// <summary>Every billed total of the January cell of <paramref name="area"/> that some release published.</summary>
    private static IEnumerable<long> Published(ReleaseSimulator simulator, string area) => simulator.Releases
        .SelectMany(r => r)
        .Where(p => p.Key.Period == "2022-01" && p.Key.Area == area && !p.Hidden)
        .Select(p => p.Cell.BilledTotalMinor)
        .Distinct();
}
