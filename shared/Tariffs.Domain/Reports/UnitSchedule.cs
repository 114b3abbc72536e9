using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// When time alone changes a report unit's cells, so that a refresh visits a unit nobody wrote to only then: when a
/// provisional period ends (its cells stop being provisional), and when a month or a period not released yet closes
/// for the public report (its end in the authority's time zone, plus the publication delay and the release settle).
/// A period already closed but not releasable (a row stored too recently) is due at once: the next refresh.
/// </summary>
public static class UnitSchedule
{
    /// <summary>The next instant the unit is due, or null when only a write can change its cells.</summary>
    /// <param name="cells">The unit's regulator cells as just computed (provisional ones flagged).</param>
    /// <param name="unreleased">Cells of the public view computed but not released (before or now).</param>
    /// <param name="months">The months holding rows of the unit.</param>
    /// <param name="isReleased">Whether a month is released (before or now).</param>
    /// <param name="now">The refresh's instant.</param>
    /// <param name="afterEnd">Publication delay plus release settle: how long after a period's end it can be released.</param>
    /// <param name="zone">The authority's time zone.</param>
    public static Instant? NextDue(IEnumerable<EquityCell> cells, IEnumerable<EquityCellKey> unreleased, IEnumerable<ReportPeriod> months,
        Func<ReportPeriod, bool> isReleased, Instant now, Duration afterEnd, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(unreleased);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(isReleased);
        Instant? due = null;
        void Consider(Instant at) => due = due is { } d && d <= at ? d : at;
        Instant Ends(ReportPeriod period) => period.End.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        Instant Closes(ReportPeriod period) => Instant.Max(now, Ends(period) + afterEnd);

        foreach (var cell in cells.Where(c => c.Provisional))
            if (ReportPeriod.TryParse(cell.Key.Period, out var period))
                Consider(Ends(period.Value));
        foreach (var key in unreleased)
            if (ReportPeriod.TryParse(key.Period, out var period))
                Consider(Closes(period.Value));
        foreach (var month in months.Where(m => !isReleased(m)))
            Consider(Closes(month));
        return due;
    }
}
