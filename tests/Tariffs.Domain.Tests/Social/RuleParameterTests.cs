using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Scales;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Tests.Social;

/// <summary>The parameters of social rules refuse what cannot be, on both sides of each boundary.</summary>
public class RuleParameterTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("20")]
    [InlineData("100")]
    public void A_discount_from_0_to_100_percent_is_allowed(string percent) =>
        Assert.Equal(decimal.Parse(percent), new PercentageDiscount(decimal.Parse(percent), DiscountComponents.All).Percent);

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    public void A_discount_outside_0_to_100_percent_is_refused(string percent) =>
        Assert.Throws<ArgumentOutOfRangeException>("Percent", () => new PercentageDiscount(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), DiscountComponents.All));

    [Fact]
    public void A_per_person_credit_counts_from_the_first_person_or_later()
    {
        Assert.Equal(1, new PerPersonCredit(0m, 1, BasisPeriod.CalendarYear).FromPerson);
        Assert.Throws<ArgumentOutOfRangeException>("FromPerson", () => new PerPersonCredit(10m, 0, BasisPeriod.CalendarYear));
        Assert.Throws<ArgumentOutOfRangeException>("Amount", () => new PerPersonCredit(-0.01m, 6, BasisPeriod.CalendarYear));
    }

    [Fact]
    public void An_amount_cap_of_zero_is_allowed_and_a_negative_one_refused()
    {
        Assert.Equal(0m, new AmountCap(0m, BasisPeriod.Day).Cap);
        Assert.Throws<ArgumentOutOfRangeException>("Cap", () => new AmountCap(-0.01m, BasisPeriod.Day));
    }

    [Fact]
    public void A_notional_allocation_takes_a_percentage_of_income_up_to_100_and_no_negative_price_or_floor()
    {
        var volume = Allowance.PersonTable(45m, 40m, 35m);
        Assert.Equal(100m, new NotionalAllocation(volume, 0m, 100m, 0m, BasisPeriod.CalendarYear).PercentOfIncome);
        Assert.Throws<ArgumentOutOfRangeException>("PercentOfIncome", () => new NotionalAllocation(volume, 4m, 100.01m, 0m, BasisPeriod.CalendarYear));
        Assert.Throws<ArgumentOutOfRangeException>("PercentOfIncome", () => new NotionalAllocation(volume, 4m, -0.01m, 0m, BasisPeriod.CalendarYear));
        Assert.Throws<ArgumentOutOfRangeException>("NotionalPrice", () => new NotionalAllocation(volume, -0.01m, 3m, 0m, BasisPeriod.CalendarYear));
        Assert.Throws<ArgumentOutOfRangeException>("Floor", () => new NotionalAllocation(volume, 4m, 3m, -0.01m, BasisPeriod.CalendarYear));
    }

    [Fact]
    public void An_income_cap_has_tiers_from_0_to_100_percent_a_monthly_or_yearly_basis_and_no_negative_minimum()
    {
        static BracketScale<decimal?> Tiers(decimal? top) => new([new Bracket<decimal?>(0m, 2m), new Bracket<decimal?>(50m, top), new Bracket<decimal?>(150m, null)]);
        var poverty = Allowance.PerHousehold(15650m);

        Assert.Equal(100m, new IncomeCap(poverty, Tiers(100m), BasisPeriod.Month, 0m).Tiers.Brackets[1].Value);
        Assert.Throws<ArgumentOutOfRangeException>("Tiers", () => new IncomeCap(poverty, Tiers(100.01m), BasisPeriod.Month, 0m));
        Assert.Throws<ArgumentOutOfRangeException>("Tiers", () => new IncomeCap(poverty, Tiers(-0.01m), BasisPeriod.Month, 0m));
        Assert.Equal(BasisPeriod.CalendarYear, new IncomeCap(poverty, Tiers(4m), BasisPeriod.CalendarYear, 0m).Basis);
        Assert.Throws<ArgumentException>("Basis", () => new IncomeCap(poverty, Tiers(4m), BasisPeriod.Day, 0m));
        Assert.Throws<ArgumentOutOfRangeException>("MinimumBill", () => new IncomeCap(poverty, Tiers(4m), BasisPeriod.Month, -0.01m));
    }

    [Fact]
    public void An_income_scale_pays_no_negative_amount()
    {
        var columns = new BracketScale<int>([new Bracket<int>(1m, 0), new Bracket<int>(1.5m, 1)]);
        static BracketScale<IReadOnlyList<decimal>> Rows(decimal second) => new([new Bracket<IReadOnlyList<decimal>>(0m, [194m, second])]);

        Assert.Equal(0m, new IncomeScale(Allowance.PerHousehold(1m), columns, Rows(0m), BasisPeriod.CalendarYear).Rows.Brackets[0].Value[1]);
        Assert.Throws<ArgumentOutOfRangeException>("Rows", () => new IncomeScale(Allowance.PerHousehold(1m), columns, Rows(-0.01m), BasisPeriod.CalendarYear));
    }
}
