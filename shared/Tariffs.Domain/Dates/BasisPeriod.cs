using NodaTime;

namespace Tariffs.Domain.Dates;

/// <summary>
/// The period a threshold, allowance, fixed charge, cap or credit is stated per: a year (starting on a given
/// day and month, 1 January by default; 1 April for UK charging years), a calendar month, or a day.
/// </summary>
public sealed record BasisPeriod
{
    private BasisPeriod(BasisUnit unit, int yearStartMonth, int yearStartDay)
    {
        Unit = unit;
        YearStartMonth = yearStartMonth;
        YearStartDay = yearStartDay;
    }

    /// <summary>Year, month or day.</summary>
    public BasisUnit Unit { get; }

    /// <summary>Month (1–12) on which a basis year starts; 1 unless stated.</summary>
    public int YearStartMonth { get; }

    /// <summary>Day of month on which a basis year starts; 1 unless stated.</summary>
    public int YearStartDay { get; }

    /// <summary>Calendar year: 1 January – 31 December.</summary>
    public static BasisPeriod CalendarYear { get; } = new(BasisUnit.Year, 1, 1);

    /// <summary>Calendar month.</summary>
    public static BasisPeriod Month { get; } = new(BasisUnit.Month, 1, 1);

    /// <summary>One day.</summary>
    public static BasisPeriod Day { get; } = new(BasisUnit.Day, 1, 1);

    /// <summary>A year starting on the given day and month, such as a charging year from 1 April.</summary>
    public static BasisPeriod YearStartingOn(int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 28);
        return month == 1 && day == 1 ? CalendarYear : new BasisPeriod(BasisUnit.Year, month, day);
    }

    /// <summary>
    /// How many basis periods the inclusive interval covers, calendar-exact: each whole basis period inside
    /// it counts 1; a partial one counts the days covered divided by the days of that basis period (366 for
    /// a year holding 29 February).
    /// </summary>
    public decimal Count(DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (Unit == BasisUnit.Day)
            return interval.Length;

        return Unit == BasisUnit.Month ? CountMonths(interval.Start, interval.End) : CountYears(interval.Start, interval.End);
    }

    /// <summary>Calendar months: whole months count 1, a partial month its days over the month's days.</summary>
    private static decimal CountMonths(LocalDate start, LocalDate end)
    {
        var count = 0m;
        var year = start.Year;
        var month = start.Month;
        while (true)
        {
            var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
            var last = year == end.Year && month == end.Month;
            var from = year == start.Year && month == start.Month ? start.Day : 1;
            var to = last ? end.Day : days;
            var covered = to - from + 1;
            count += covered == days ? 1m : (decimal)covered / days;
            if (last)
                return count;
            if (++month > 12)
            {
                month = 1;
                year++;
            }
        }
    }

    /// <summary>Basis years from the year start: whole years count 1, a partial year its days over the year's days.</summary>
    private decimal CountYears(LocalDate start, LocalDate end)
    {
        if (YearStartMonth == 1 && YearStartDay == 1 && start.Calendar == CalendarSystem.Iso)
            return CountCalendarYears(start, end);
        var count = 0m;
        var cursor = start;
        while (cursor <= end)
        {
            var periodStart = StartOfYearContaining(cursor);
            var next = periodStart.PlusYears(1);
            var periodDays = Period.DaysBetween(periodStart, next);
            var coveredEnd = next.PlusDays(-1) < end ? next.PlusDays(-1) : end;
            var covered = Period.DaysBetween(cursor, coveredEnd) + 1;
            count += covered == periodDays ? 1m : (decimal)covered / periodDays;
            cursor = coveredEnd.PlusDays(1);
        }
        return count;
    }

    /// <summary>Calendar years, by day of the year (the same sum as <see cref="CountYears"/> without date arithmetic).</summary>
    private static decimal CountCalendarYears(LocalDate start, LocalDate end)
    {
        var count = 0m;
        for (var year = start.Year; year <= end.Year; year++)
        {
            var days = CalendarSystem.Iso.GetDaysInYear(year);
            var from = year == start.Year ? start.DayOfYear : 1;
            var to = year == end.Year ? end.DayOfYear : days;
            var covered = to - from + 1;
            count += covered == days ? 1m : (decimal)covered / days;
        }
        return count;
    }

    /// <summary>The first day of the basis year holding the date.</summary>
    private LocalDate StartOfYearContaining(LocalDate date)
    {
        var start = new LocalDate(date.Year, YearStartMonth, YearStartDay);
        return start <= date ? start : start.PlusYears(-1);
    }

    public override string ToString() => Unit switch
    {
        BasisUnit.Year when YearStartMonth == 1 && YearStartDay == 1 => "year",
        BasisUnit.Year => $"year from {YearStartDay:00}-{YearStartMonth:00}",
        BasisUnit.Month => "month",
        _ => "day",
    };
}
