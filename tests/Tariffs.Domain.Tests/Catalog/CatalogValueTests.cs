using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Tests.Catalog;

/// <summary>Catalog values refuse what cannot be, on both sides of each boundary.</summary>
public class CatalogValueTests
{
    private static PriceBlock Bounded(decimal width = 80m) => new(Allowance.PerHousehold(width), BasisPeriod.CalendarYear, 0.89m);

    private static PriceBlock Unbounded() => new(null, BasisPeriod.CalendarYear, 1.66m);

    [Fact]
    public void A_schedule_ascends_through_bounded_blocks_to_one_unbounded_last_block()
    {
        var schedule = new PriceSchedule([], [Bounded(), Bounded(40m), Unbounded()]);
        Assert.Equal(3, schedule.Blocks.Count);
        Assert.Single(new PriceSchedule([], [Unbounded()]).Blocks);
    }

    [Fact]
    public void A_schedule_without_blocks_is_refused() =>
        Assert.Throws<ArgumentException>("Blocks", () => new PriceSchedule([], []));

    [Fact]
    public void A_schedule_with_an_unbounded_block_before_the_last_is_refused() =>
        Assert.Throws<ArgumentException>("Blocks", () => new PriceSchedule([], [Bounded(), Unbounded(), Unbounded()]));

    [Fact]
    public void A_schedule_whose_last_block_has_a_width_is_refused() =>
        Assert.Throws<ArgumentException>("Blocks", () => new PriceSchedule([], [Unbounded(), Bounded()]));

    [Fact]
    public void A_fixed_charge_of_zero_is_allowed_and_a_negative_one_refused()
    {
        Assert.Equal(0m, new FixedCharge("standing", 0m, BasisPeriod.CalendarYear).Amount);
        Assert.Throws<ArgumentOutOfRangeException>("Amount", () => new FixedCharge("standing", -0.01m, BasisPeriod.CalendarYear));
    }

    [Fact]
    public void A_free_block_is_allowed_and_a_negative_unit_price_refused()
    {
        Assert.Equal(0m, new PriceBlock(null, BasisPeriod.CalendarYear, 0m).UnitPrice);
        Assert.Throws<ArgumentOutOfRangeException>("UnitPrice", () => new PriceBlock(null, BasisPeriod.CalendarYear, -0.01m));
    }

    [Fact]
    public void An_allowance_of_zero_is_allowed_and_a_negative_one_refused()
    {
        Assert.Equal(0m, Allowance.PerPerson(0m).For(3));
        Assert.Throws<ArgumentOutOfRangeException>("quantity", () => Allowance.PerHousehold(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>("further", () => Allowance.PersonTable(45m, 40m, -1m));
    }

    [Fact]
    public void An_allowance_is_for_a_household_of_one_person_or_more()
    {
        // Grenoble's table 45, 40, 35 m³: one person 45; four persons 45 + 40 + 2 × 35 = 155.
        Assert.Equal(45m, Allowance.PersonTable(45m, 40m, 35m).For(1));
        Assert.Equal(155m, Allowance.PersonTable(45m, 40m, 35m).For(4));
        Assert.Throws<ArgumentOutOfRangeException>("persons", () => Allowance.PersonTable(45m, 40m, 35m).For(0));
    }

    [Fact]
    public void A_uniform_tariff_tolerance_of_zero_is_allowed_and_a_negative_one_refused()
    {
        Assert.Equal(0m, new UniformTariff(0m, true, new LegalReference("CGCT L2224-12-4")).Tolerance);
        Assert.Throws<ArgumentOutOfRangeException>("Tolerance", () => new UniformTariff(-0.01m, true, new LegalReference("CGCT L2224-12-4")));
    }
}
