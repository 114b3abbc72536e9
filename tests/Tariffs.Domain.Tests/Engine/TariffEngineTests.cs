using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Tests.Engine;

public class TariffEngineTests
{
    private static readonly DateInterval Year2022 = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private static BillingLine Line(decimal quantity, DateInterval period, int persons = 4) =>
        new(1, "hh-1", "acc-1", "59183-01", true, persons, period, quantity, "m3", "DOM", 0m);

    private static EligibilityWindow Css(LocalDate from, LocalDate? to = null) =>
        new("css", new DateInterval(from, to ?? new LocalDate(9999, 12, 31)), from, "flag-1");

    [Fact]
    public void Dunkerque_2022_standard_bill_for_120_m3_is_137_60()
    {
        var outcome = TariffEngine.Price(Line(120m, Year2022), DunkerqueCatalog.Create(), []);

        Assert.Equal(137.60m, outcome.StandardBill); // 80 × 0.89 + 40 × 1.66
        Assert.Empty(outcome.Adjustments);
        Assert.False(outcome.Eligible);
    }

    [Fact]
    public void Dunkerque_2022_css_household_gets_minus_44_00()
    {
        var outcome = TariffEngine.Price(Line(120m, Year2022), DunkerqueCatalog.Create(), [Css(new LocalDate(2021, 6, 1))]);

        var adjustment = Assert.Single(outcome.Adjustments);
        Assert.Equal(-44.00m, adjustment.Amount); // 80 × (0.34 − 0.89)
        Assert.Equal("dk-css-block", adjustment.RuleId);
        Assert.Equal("2022-01-01", adjustment.RuleVersions);
        Assert.Equal(DunkerqueCatalog.Deliberation.Citation, adjustment.LegalReferences);
        Assert.Equal(Year2022, adjustment.Covers);
        Assert.Equal(93.60m, outcome.SocialBill);
    }

    [Fact]
    public void Eligibility_from_1_July_covers_the_second_half_only()
    {
        // 120 m³ over 365 days; from 1 Jul: 184 days carry 120 × 184/365 m³, all inside the
        // 80 × 184/365 m³ first block? No: 120×184/365 = 60.49 > 80×184/365 = 40.33, so 40.33 m³ are repriced.
        var outcome = TariffEngine.Price(Line(120m, Year2022), DunkerqueCatalog.Create(), [Css(new LocalDate(2022, 7, 1))]);

        var adjustment = Assert.Single(outcome.Adjustments);
        Assert.Equal(Math.Round(80m * 184m / 365m * (0.34m - 0.89m), 2, MidpointRounding.AwayFromZero), adjustment.Amount);
        Assert.Equal(-22.18m, adjustment.Amount);
        Assert.Equal(new LocalDate(2022, 7, 1), adjustment.Covers.Start);
        Assert.Equal(2, outcome.Segments.Count);
        Assert.Equal(137.60m, outcome.StandardBill); // splitting the period does not change the standard bill
    }

    [Fact]
    public void Window_ending_the_day_before_the_period_gives_nothing()
    {
        var outcome = TariffEngine.Price(Line(120m, Year2022), DunkerqueCatalog.Create(),
            [Css(new LocalDate(2021, 1, 1), new LocalDate(2021, 12, 31))]);

        Assert.Empty(outcome.Adjustments);
        Assert.False(outcome.Eligible);
    }

    [Fact]
    public void Period_spanning_a_tariff_change_prices_each_segment_at_its_version()
    {
        // New prices (1.00 / 2.00) from 1 Jul 2022. First half: 181 days, 120×181/365 m³ with a block of
        // 80×181/365; second half: 184 days likewise. Each half is 2/3 in block 1 and 1/3 in block 2.
        var outcome = TariffEngine.Price(Line(120m, Year2022), DunkerqueCatalog.Create(new LocalDate(2022, 7, 1)), []);

        var first = 181m / 365m;
        var second = 184m / 365m;
        var expected = 80m * first * 0.89m + 40m * first * 1.66m + 80m * second * 1.00m + 40m * second * 2.00m;
        Assert.Equal(Math.Round(expected, 2, MidpointRounding.AwayFromZero), outcome.StandardBill);
        Assert.Equal(["2022-01-01", "2022-07-01"], outcome.Segments.Select(s => s.TariffVersion));
    }

    [Fact]
    public void Unknown_tariff_is_refused_with_its_code()
    {
        var line = Line(10m, Year2022) with { TariffCode = "NOPE" };
        var error = Assert.Throws<PricingException>(() => TariffEngine.Price(line, DunkerqueCatalog.Create(), []));
        Assert.Contains("NOPE", error.Message);
    }

    [Fact]
    public void Period_before_the_first_version_is_refused_with_the_date()
    {
        var line = Line(10m, new DateInterval(new LocalDate(2021, 12, 1), new LocalDate(2022, 1, 31)));
        var error = Assert.Throws<PricingException>(() => TariffEngine.Price(line, DunkerqueCatalog.Create(), []));
        Assert.Contains("2021-12-01", error.Message);
    }
}
