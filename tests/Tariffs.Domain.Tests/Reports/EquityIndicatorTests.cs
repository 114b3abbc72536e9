using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>Indicators on a small dataset whose values were computed by hand (comments show the arithmetic).</summary>
public class EquityIndicatorTests
{
    private static ReportLine Line(string household, LocalDate end, long standard, long adjustment = 0, decimal quantity = 120m, string area = "A") =>
        new("dunkerque", "water", area, household, end, "EUR", standard, standard, adjustment, 0, adjustment != 0, quantity, "m3");

    private static Dictionary<string, EquityCell> Cells(EquityReportBuilder builder, string area) =>
        builder.Build().Where(c => c.Key.Area == area).ToDictionary(c => c.Key.Period);

    [Fact]
    public void A_line_counts_in_the_month_quarter_and_year_of_the_last_day_of_its_billing_period()
    {
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        // Billed 15 Nov 2022 – 14 Jan 2023: it ends in January 2023.
        builder.Add(Line("h1", new LocalDate(2023, 1, 14), 5000));

        var periods = builder.Build().Where(c => c.Key.Area == "A").Select(c => c.Key.Period).ToList();

        Assert.Equal(["2023", "2023-01", "2023-Q1"], periods);
    }

    [Fact]
    public void Average_bills_before_and_after_and_P109_per_cubic_metre()
    {
        // 12 households, each 120 m³ and a standard bill of 137.60 €; 4 of them (CSS) get −44.00 € (PRODUCT.md example 1).
        var builder = new EquityReportBuilder();
        var end = new LocalDate(2022, 12, 31);
        for (var i = 1; i <= 12; i++)
            builder.Add(Line($"h{i}", end, 13760, i <= 4 ? -4400 : 0));

        var year = Cells(builder, "A")["2022"];

        Assert.False(year.Suppressed);
        Assert.Equal(12, year.HouseholdsBilled);
        Assert.Equal(4, year.HouseholdsReceived);
        Assert.Equal(1440m, year.QuantityBilled); // 12 × 120
        Assert.Equal(13760m, year.AverageBillBeforeMinor); // 137.60 €
        // (12 × 137.60 − 4 × 44.00) ÷ 12 = 1,475.20 ÷ 12 = 122.9333… €
        Assert.Equal(12293.33m, Math.Round(year.AverageBillAfterMinor!.Value, 2));
        // 176.00 € ÷ 1,440 m³ = 0.12222… €/m³
        Assert.Equal(12.222m, Math.Round(year.SocialCostPerCubicMetreMinor!.Value, 3));
        Assert.Null(year.AffordabilityShareBefore); // no income known
        Assert.Equal(0, year.CompensationTotalMinor);
        Assert.Equal(0, year.OverchargeFindings);
        Assert.Equal(0, year.BlockedRestrictions);
    }

    [Fact]
    public void P109_needs_cubic_metres()
    {
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        builder.Add(new ReportLine("a", "electricity", "A", "h1", new LocalDate(2022, 1, 31), "EUR", 100, 100, -10, 0, true, 300m, "kWh"));

        Assert.All(builder.Build(), c => Assert.Null(c.SocialCostPerCubicMetreMinor));
    }

    [Fact]
    public void Affordability_compares_the_bill_with_three_percent_of_income_for_water()
    {
        // Incomes 10,000.00 € → 3% = 300.00 € a year. Bills 350 € (−100 € adjustment → 250 €), 280 €, 400 € (−50 → 350 €).
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        var end = new LocalDate(2022, 12, 31);
        builder.Add(Line("h1", end, 35000, -10000) with { AnnualIncomeMinor = 1_000_000 });
        builder.Add(Line("h2", end, 28000) with { AnnualIncomeMinor = 1_000_000 });
        builder.Add(Line("h3", end, 40000, -5000) with { AnnualIncomeMinor = 1_000_000 });
        builder.Add(Line("h4", end, 90000)); // income unknown: not counted

        var year = Cells(builder, "A")["2022"];
        var december = Cells(builder, "A")["2022-12"];

        Assert.Equal(3, year.HouseholdsWithKnownIncome);
        Assert.Equal(2, year.HouseholdsAboveThresholdBefore); // 350 and 400 > 300
        Assert.Equal(1, year.HouseholdsAboveThresholdAfter); // only 350 > 300
        Assert.Equal(2.0 / 3.0, year.AffordabilityShareBefore);
        // A month stands for 1/12 of the income: 25.00 €; every bill is above it.
        Assert.Equal(3, december.HouseholdsAboveThresholdAfter);
    }

    [Fact]
    public void One_household_above_85_percent_of_an_amount_suppresses_the_cell_and_exactly_85_does_not()
    {
        var end = new LocalDate(2022, 12, 31);
        var dominated = new EquityReportBuilder();
        // 1,000.00 € of 1,110.00 € = 90.1%.
        dominated.Add(Line("big", end, 100000, area: "D"));
        for (var i = 1; i <= 11; i++)
            dominated.Add(Line($"d{i}", end, 1000, area: "D"));
        var even = new EquityReportBuilder();
        // 85.00 € of 100.00 € = exactly 85%.
        even.Add(Line("big", end, 8500, area: "E"));
        for (var i = 1; i <= 10; i++)
            even.Add(Line($"e{i}", end, 150, area: "E"));

        Assert.Equal(SuppressionReason.Dominance, Cells(dominated, "D")["2022"].Suppression);
        Assert.Equal(SuppressionReason.None, Cells(even, "E")["2022"].Suppression);
    }

    [Fact]
    public void A_household_with_two_lines_is_counted_once_and_its_parts_add_up_for_dominance()
    {
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        var end = new LocalDate(2022, 6, 30);
        builder.Add(Line("h1", end, 4000, area: "A"));
        builder.Add(Line("h1", end, 4000, area: "A"));
        builder.Add(Line("h2", end, 2000, area: "A"));

        var june = Cells(builder, "A")["2022-06"];

        Assert.Equal(2, june.HouseholdsBilled);
        Assert.Equal(10000, june.BilledTotalMinor);
        // h1 holds 80.00 of 100.00: not above 85%.
        Assert.Equal(SuppressionReason.None, june.Suppression);
    }
}
