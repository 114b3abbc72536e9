using NodaTime;
using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Tests.Dates;

public class BasisPeriodTests
{
    private static DateInterval Days(int y1, int m1, int d1, int y2, int m2, int d2) => new(new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2));

    [Fact]
    public void Annual_threshold_over_first_half_of_2022_is_181_of_365()
    {
        // PRODUCT.md: an annual threshold of 80 m³ covers 80 × 181/365 in 1 Jan – 30 Jun 2022.
        var count = BasisPeriod.CalendarYear.Count(Days(2022, 1, 1, 2022, 6, 30));
        Assert.Equal(181m / 365m, count);
        Assert.Equal(39.6712328767m, Math.Round(80m * count, 10)); // 80 × 181 / 365
    }

    [Fact]
    public void Whole_calendar_month_counts_exactly_one_and_half_of_june_counts_one_half()
    {
        Assert.Equal(37.50m, 37.50m * BasisPeriod.Month.Count(Days(2022, 2, 1, 2022, 2, 28)));
        Assert.Equal(18.75m, 37.50m * BasisPeriod.Month.Count(Days(2022, 6, 1, 2022, 6, 15)));
    }

    [Fact]
    public void Leap_year_divides_by_366()
    {
        Assert.Equal(29m / 366m, BasisPeriod.CalendarYear.Count(Days(2024, 2, 1, 2024, 2, 29)));
    }

    [Fact]
    public void Whole_uk_charging_year_across_a_leap_february_counts_exactly_one()
    {
        var chargingYear = BasisPeriod.YearStartingOn(4, 1);
        Assert.Equal(1m, chargingYear.Count(Days(2023, 4, 1, 2024, 3, 31)));
    }

    [Fact]
    public void Period_across_two_calendar_years_adds_the_partial_years()
    {
        // 1 Dec 2023 – 31 Jan 2024: 31/365 of 2023 plus 31/366 of 2024.
        Assert.Equal(31m / 365m + 31m / 366m, BasisPeriod.CalendarYear.Count(Days(2023, 12, 1, 2024, 1, 31)));
    }

    [Fact]
    public void Months_spanning_partial_and_whole_months_add_up()
    {
        // 16 Jan – 31 Mar 2022: 16/31 + 1 + 1.
        Assert.Equal(16m / 31m + 2m, BasisPeriod.Month.Count(Days(2022, 1, 16, 2022, 3, 31)));
    }

    [Fact]
    public void Day_basis_counts_days_inclusively()
    {
        Assert.Equal(30m, BasisPeriod.Day.Count(Days(2022, 6, 1, 2022, 6, 30)));
    }
}
