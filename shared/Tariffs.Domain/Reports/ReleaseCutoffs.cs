using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// Which ledger rows the public report counts. A period is closed once its last day has passed in the authority's
/// time zone and the publication delay after it has run out, both by the <see cref="Cutoff"/> of this run. Each
/// month of a service and authority is released once, at a cutoff instant kept for ever: the public report counts a
/// row (line or correction) of that month only if it was stored before the month's cutoff. Months closed by this
/// run's cutoff and not released before are released now, at <see cref="Cutoff"/> (<see cref="NewReleases"/>).
/// Since every public cell of a month, its quarter and its year counts the same rows, the public cells of a table
/// stay consistent with each other whenever each of them is released, and a later row never reaches them. A month
/// with a row stored at or after the cutoff (a batch or a correction still being stored) is unsettled: it is not
/// released by this run, nor is any period holding it.
/// </summary>
public sealed class ReleaseCutoffs
{
    private readonly IReadOnlyDictionary<ReleasedMonth, Instant> released;
    private readonly Dictionary<ReleasedMonth, Instant> added = [];
    private readonly HashSet<ReleasedMonth> unsettled = [];
    private readonly Duration delay;
    private readonly Func<string, DateTimeZone> zoneOf;

    /// <param name="released">The months released before, with their cutoffs.</param>
    /// <param name="cutoff">This run's cutoff: rows stored before it are counted in the months it releases.</param>
    /// <param name="delay">How long after a period's end it stays unpublished, so that late bills can arrive.</param>
    /// <param name="zoneOf">The time zone of an authority.</param>
    public ReleaseCutoffs(IReadOnlyDictionary<ReleasedMonth, Instant> released, Instant cutoff, Duration delay, Func<string, DateTimeZone> zoneOf)
    {
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(zoneOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, Duration.Zero);
        this.released = released;
        Cutoff = cutoff;
        this.delay = delay;
        this.zoneOf = zoneOf;
    }

    /// <summary>This run's cutoff.</summary>
    public Instant Cutoff { get; }

    /// <summary>The months this run releases, with their cutoff (to be stored before the cells released with them).</summary>
    public IReadOnlyDictionary<ReleasedMonth, Instant> NewReleases => added.Where(m => !unsettled.Contains(m.Key)).ToDictionary();

    /// <summary>True when <paramref name="month"/> of the service and authority was released before or is released by this run.</summary>
    public bool IsMonthReleased(string service, string authority, ReportPeriod month)
    {
        var key = new ReleasedMonth(service, authority, month.ToString());
        return released.ContainsKey(key) || (added.ContainsKey(key) && !unsettled.Contains(key));
    }

    /// <summary>True when <paramref name="period"/> of <paramref name="authority"/> has ended and the delay has passed by the cutoff.</summary>
    public bool IsClosed(string authority, ReportPeriod period) =>
        period.End.PlusDays(1).AtStartOfDayInZone(zoneOf(authority)).ToInstant() + delay <= Cutoff;

    /// <summary>True when the cell's period is closed and holds no unsettled month of its service and authority.</summary>
    public bool IsReleasable(EquityCellKey key)
    {
        if (!ReportPeriod.TryParse(key.Period, out var period) || !IsClosed(key.Authority, period.Value))
            return false;
        var dates = period.Value.Dates;
        return !unsettled.Any(m => m.Service == key.Service && m.Authority == key.Authority
            && ReportPeriod.TryParse(m.Month, out var month) && dates.Contains(month.Value.Start));
    }

    /// <summary>
    /// The cutoff of the month holding <paramref name="date"/> for a row last stored at <paramref name="storedAt"/>
    /// (its line or its latest correction), releasing the month now if it is closed and was not released before;
    /// null while the month is not closed. A row of a month released now stored at or after the cutoff (or at an
    /// unknown time) leaves the month unsettled.
    /// </summary>
    public Instant? CutoffOf(string service, string authority, LocalDate date, Instant? storedAt)
    {
        var month = ReportPeriod.Containing(date, ReportPeriodKind.Month);
        var key = new ReleasedMonth(service, authority, month.ToString());
        if (released.TryGetValue(key, out var cutoff))
            return cutoff;
        if (!added.ContainsKey(key))
        {
            if (!IsClosed(authority, month))
                return null;
            added[key] = Cutoff;
        }
        if (storedAt is not { } at || at >= Cutoff)
            unsettled.Add(key);
        return Cutoff;
    }
}
