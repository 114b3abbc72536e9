using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// Suppression attacked: every published value is computed, then <see cref="DifferencingAttacker"/> tries to
/// recover each suppressed cell from totals and other cells, across areas and periods (months → quarters → years).
/// </summary>
public class SuppressionAttackTests
{
    private static readonly Func<EquityCell, decimal>[] Amounts =
    [
        c => c.BilledTotalMinor, c => c.StandardTotalMinor, c => c.AdjustmentsTotalMinor, c => c.PaymentsTotalMinor, c => c.QuantityBilled,
    ];

    private static ReportLine Line(string area, string household, int month, long billed, long adjustment = 0) =>
        new("metro", "water", area, household, new LocalDate(2022, month, 28), "EUR", billed, billed, adjustment, 0, adjustment != 0, 10m, "m3");

    [Fact]
    public void A_small_month_cannot_be_recovered_as_its_quarter_minus_the_other_months()
    {
        // Area A: 20 households in January, 3 others in February (primary). Areas B and C: 20 and 15 in each month.
        var builder = new EquityReportBuilder();
        for (var i = 0; i < 20; i++)
            builder.Add(Line("A", $"a{i}", 1, 1000 + i));
        for (var i = 20; i < 23; i++)
            builder.Add(Line("A", $"a{i}", 2, 5000, -700));
        foreach (var (area, count) in new[] { ("B", 20), ("C", 15) })
            for (var month = 1; month <= 2; month++)
                for (var i = 0; i < count; i++)
                    builder.Add(Line(area, $"{area}{month}-{i}", month, 2000 + i, i % 4 == 0 ? -300 : 0));

        var cells = builder.Build();
        var cell = cells.ToDictionary(c => (c.Key.Period, c.Key.Area));

        Assert.Equal(SuppressionReason.TooFewHouseholds, cell[("2022-02", "A")].Suppression);
        // Q1 A = January A + February A, and February B = February total − A − C: each identity needs a second hidden cell.
        Assert.True(cell[("2022-01", "A")].Suppressed || cell[("2022-Q1", "A")].Suppressed);
        Assert.True(cell[("2022-02", "B")].Suppressed || cell[("2022-02", "C")].Suppressed || cell[("2022-02", "*")].Suppressed);
        Assert.False(cell[("2022", "*")].Suppressed);
        foreach (var amount in Amounts)
            Assert.Empty(DifferencingAttacker.Recover(cells, amount));
    }

    [Fact]
    public void Three_identities_with_two_hidden_cells_each_can_still_give_all_three_away()
    {
        // x0 + x1 = t0, x0 + x2 = t1, x1 + x2 = t2: no identity has a single hidden cell, yet x0 = (t0 + t1 − t2) ÷ 2.
        AdditiveRelation[] relations = [new(3, [0, 1]), new(4, [0, 2]), new(5, [1, 2])];

        var recoverable = DisclosureAudit.Recoverable(relations, new HashSet<int> { 0, 1, 2 });
        var safe = DisclosureAudit.Recoverable(relations, new HashSet<int> { 0, 1, 2, 3 });

        Assert.Equal([0, 1, 2], recoverable.Order());
        Assert.Empty(safe);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void No_suppressed_value_of_a_random_year_is_recovered_from_what_is_published(int seed)
    {
        var random = new Random(seed);
        var builder = new EquityReportBuilder();
        var areas = Enumerable.Range(0, random.Next(2, 7)).Select(a => $"Z{a}").ToList();
        foreach (var area in areas)
        {
            var pool = random.Next(5, 40); // households living in the area
            for (var month = 1; month <= 12; month++)
            {
                if (random.NextDouble() < 0.2)
                    continue; // nobody billed that month
                var billed = random.Next(0, pool + 1);
                foreach (var household in Enumerable.Range(0, pool).OrderBy(_ => random.Next()).Take(billed))
                {
                    var bill = random.NextDouble() < 0.02 ? 500_000 : random.Next(1_000, 20_000); // the odd dominant household
                    builder.Add(Line(area, $"{area}-{household}", month, bill, random.NextDouble() < 0.2 ? -random.Next(100, 4_000) : 0));
                }
            }
        }

        var cells = builder.Build();

        Assert.Contains(cells, c => c.Suppression is SuppressionReason.TooFewHouseholds or SuppressionReason.Dominance);
        Assert.Contains(cells, c => !c.Suppressed);
        foreach (var amount in Amounts)
        {
            var recovered = DifferencingAttacker.Recover(cells, amount);
            Assert.True(recovered.Count == 0, $"seed {seed}: recovered {string.Join(", ", recovered.Select(r => $"{r.Key.Period}/{r.Key.Area}={r.Value}"))}");
        }
    }

    [Fact]
    public void The_attacker_does_recover_a_cell_when_suppression_is_only_primary()
    {
        // The attack is real: hiding only the small cell of a two-area month gives it away.
        var cells = new EquityReportBuilder(suppressionThreshold: 1).Build().ToList();
        var key = (string area) => new EquityCellKey("2022-01", "water", "metro", area);
        cells.Add(new EquityCell { Key = key("*"), Currency = "EUR", BilledTotalMinor = 3000 });
        cells.Add(new EquityCell { Key = key("A"), Currency = "EUR", BilledTotalMinor = 1000, Suppression = SuppressionReason.TooFewHouseholds });
        cells.Add(new EquityCell { Key = key("B"), Currency = "EUR", BilledTotalMinor = 2000 });

        var recovered = DifferencingAttacker.Recover(cells, c => c.BilledTotalMinor);

        Assert.Equal(1000m, recovered[key("A")]);
    }
}
