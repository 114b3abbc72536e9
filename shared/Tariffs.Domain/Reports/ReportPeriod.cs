using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// A calendar month, quarter or year of the equity report, written "2022-01", "2022-Q1" or "2022". Periods are
/// dates of the authority's calendar (inclusive <see cref="Dates"/>), so no time zone is involved in saying
/// which period a date belongs to. Two periods are equal when kind, year and number are equal.
/// </summary>
public readonly record struct ReportPeriod
{
    private ReportPeriod(ReportPeriodKind kind, int year, int number)
    {
        if (year is < 1 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year, "A report year is between 1 and 9999.");
        var max = kind switch { ReportPeriodKind.Month => 12, ReportPeriodKind.Quarter => 4, _ => 1 };
        if (number < 1 || number > max)
            throw new ArgumentOutOfRangeException(nameof(number), number, $"A {kind} number is between 1 and {max}.");
        Kind = kind;
        Year = year;
        Number = number;
    }

    /// <summary>Month, quarter or year.</summary>
    public ReportPeriodKind Kind { get; }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The month (1–12) or quarter (1–4) number; 1 for a year.</summary>
    public int Number { get; }

    /// <summary>The calendar year <paramref name="year"/>.</summary>
    public static ReportPeriod OfYear(int year) => new(ReportPeriodKind.Year, year, 1);

    /// <summary>Quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>.</summary>
    public static ReportPeriod OfQuarter(int year, int quarter) => new(ReportPeriodKind.Quarter, year, quarter);

    /// <summary>Month <paramref name="month"/> (1–12) of <paramref name="year"/>.</summary>
    public static ReportPeriod OfMonth(int year, int month) => new(ReportPeriodKind.Month, year, month);

    /// <summary>The period of the given kind that holds <paramref name="date"/>.</summary>
    public static ReportPeriod Containing(LocalDate date, ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Year => OfYear(date.Year),
        ReportPeriodKind.Quarter => OfQuarter(date.Year, (date.Month + 2) / 3),
        ReportPeriodKind.Month => OfMonth(date.Year, date.Month),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>First day of the period.</summary>
    public LocalDate Start => Kind switch
    {
        ReportPeriodKind.Month => new LocalDate(Year, Number, 1),
        ReportPeriodKind.Quarter => new LocalDate(Year, 3 * Number - 2, 1),
        _ => new LocalDate(Year, 1, 1),
    };

    /// <summary>Last day of the period (inclusive).</summary>
    public LocalDate End => Kind switch
    {
        ReportPeriodKind.Month => Start.PlusMonths(1).PlusDays(-1),
        ReportPeriodKind.Quarter => Start.PlusMonths(3).PlusDays(-1),
        _ => new LocalDate(Year, 12, 31),
    };

    /// <summary>The days of the period, both ends included.</summary>
    public DateInterval Dates => new(Start, End);

    /// <summary>The share of a year the period stands for: 1/12, 1/4 or 1.</summary>
    public decimal ShareOfYear => Kind switch { ReportPeriodKind.Month => 1m / 12m, ReportPeriodKind.Quarter => 0.25m, _ => 1m };

    /// <summary>The enclosing period: a month's quarter, a quarter's year; null for a year.</summary>
    public ReportPeriod? Parent => Kind switch
    {
        ReportPeriodKind.Month => OfQuarter(Year, (Number + 2) / 3),
        ReportPeriodKind.Quarter => OfYear(Year),
        _ => null,
    };

    /// <summary>Reads "2022", "2022-Q3" or "2022-07"; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportPeriod? period)
    {
        period = null;
        if (text is null || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
            return false;
        var rest = text.AsSpan(4);
        if (rest.IsEmpty)
            period = OfYear(year);
        else if (rest.Length == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] is >= '1' and <= '4')
            period = OfQuarter(year, rest[2] - '0');
        else if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            period = OfMonth(year, month);
        return period is not null;
    }

    /// <summary>"2022", "2022-Q1" or "2022-01".</summary>
    public override string ToString() => Kind switch
    {
        ReportPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
