using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

public class EquityReportBuilderTests
{
    private static readonly LocalDate EndOf2022 = new(2022, 12, 31);

    private static ReportLine Line(string area, string household, long billed, long adjustment = 0, bool eligible = false) =>
        new("dunkerque", "water", area, household, EndOf2022, "EUR", billed, billed, adjustment, 0, eligible);

    private static IEnumerable<ReportLine> Households(string area, int count, long billed = 10000) =>
        Enumerable.Range(1, count).Select(i => Line(area, $"{area}-{i}", billed));

    [Fact]
    public void Counts_households_once_and_sums_minor_units_per_area_and_total()
    {
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        builder.Add(Line("A", "h1", 13760, -4400, eligible: true));
        builder.Add(Line("A", "h1", 1000)); // second line of the same household
        builder.Add(Line("A", "h2", 5000, eligible: true));
        builder.Add(Line("B", "h3", 2000));

        var cells = builder.Build().Where(c => c.Key.Period == "2022").ToDictionary(c => c.Key.Area);

        Assert.Equal(2, cells["A"].HouseholdsBilled);
        Assert.Equal(2, cells["A"].HouseholdsEligible);
        Assert.Equal(1, cells["A"].HouseholdsReceived);
        Assert.Equal(0.5, cells["A"].TakeUpRate);
        Assert.Equal(19760, cells["A"].BilledTotalMinor);
        Assert.Equal(-4400, cells["A"].AdjustmentsTotalMinor);
        Assert.Equal(3, cells["*"].HouseholdsBilled);
        Assert.Equal(21760, cells["*"].BilledTotalMinor);
        Assert.Null(cells["B"].TakeUpRate);
        Assert.Equal("2022", cells["A"].Key.Period);
    }

    [Fact]
    public void Cell_of_10_households_is_suppressed_and_11_is_published()
    {
        var builder = new EquityReportBuilder();
        foreach (var line in Households("A", 10).Concat(Households("B", 11)).Concat(Households("C", 30)))
            builder.Add(line);

        var cells = builder.Build().Where(c => c.Key.Period == "2022").ToDictionary(c => c.Key.Area);

        Assert.True(cells["A"].Suppressed);
        Assert.False(cells["C"].Suppressed);
        Assert.False(cells["*"].Suppressed);
    }

    [Fact]
    public void A_lone_suppressed_area_takes_the_smallest_other_area_with_it()
    {
        // Without secondary suppression, A = total − B − C would give A away.
        var builder = new EquityReportBuilder();
        foreach (var line in Households("A", 3).Concat(Households("B", 11)).Concat(Households("C", 30)))
            builder.Add(line);

        var cells = builder.Build().Where(c => c.Key.Period == "2022").ToDictionary(c => c.Key.Area);

        Assert.True(cells["A"].Suppressed);
        Assert.True(cells["B"].Suppressed);
        Assert.False(cells["C"].Suppressed);
        Assert.False(cells["*"].Suppressed);
    }

    [Fact]
    public void Compensations_and_blocked_restrictions_count_in_their_area_without_counting_households()
    {
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        builder.Add(Line("A", "h1", 10000));
        builder.Add(new ServiceEvent("dunkerque", "water", "A", "h1", new LocalDate(2022, 12, 1), "EUR", 15000, BlockedRestriction: false));
        builder.Add(new ServiceEvent("dunkerque", "water", "A", "h1", new LocalDate(2022, 12, 2), "EUR", 0, BlockedRestriction: true));
        builder.Add(new ServiceEvent("dunkerque", "water", "A", "h2", new LocalDate(2022, 12, 3), "EUR", 0, BlockedRestriction: false));

        var year = builder.Build().Where(c => c.Key.Period == "2022").ToDictionary(c => c.Key.Area);

        Assert.Equal(15000, year["A"].CompensationTotalMinor);
        Assert.Equal(1, year["A"].BlockedRestrictions);       // an allowed request is not counted
        Assert.Equal(1, year["A"].HouseholdsBilled);          // h2 has no billed line
        Assert.Equal(1, year["*"].BlockedRestrictions);
        Assert.Equal(15000, year["*"].CompensationTotalMinor);
    }
}
