using NodaTime;

namespace Tariffs.Domain.Dates;

/// <summary>Helpers on NodaTime's inclusive <see cref="DateInterval"/>.</summary>
public static class DateIntervals
{
    /// <summary>The end date used for a window with no end: the interval stays open until revoked.</summary>
    public static LocalDate OpenEnd { get; } = new(9999, 12, 31);

    /// <summary>The overlap of two inclusive intervals, or null when they share no day.</summary>
    public static DateInterval? Overlap(this DateInterval first, DateInterval second)
    {
        var start = first.Start > second.Start ? first.Start : second.Start;
        var end = first.End < second.End ? first.End : second.End;
        return start <= end ? new DateInterval(start, end) : null;
    }

    /// <summary>First day of the calendar quarter holding the date.</summary>
    public static LocalDate StartOfQuarter(this LocalDate date) => new(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);
}
