using System.Diagnostics;
using NodaTime;
using Tariffs.Domain.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tariffs.Domain.Reports;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;

using Tariffs.Application.Telemetry;

namespace Tariffs.Application.Reports;

/// <summary>
/// Computes the equity report of one <see cref="ReportUnit"/> (an authority's service in one year) from that unit's
/// rows only — its projected ledger lines (<see cref="IReportLines"/>) and its service events — streamed, in two
/// views. The regulator's view: every period of the unit from every row, replaced at each run, so a late line or a
/// correction lands in its period whenever it arrives; a period still running in the authority's time zone is
/// provisional. The public view: closed periods only (<see cref="ReleaseCutoffs"/>), each cell released once and
/// frozen, computed from the rows stored before its months' cutoffs, with suppression monotone across releases
/// (<see cref="PublicRelease"/>). Exact, because nothing in a cell, its suppression or its release depends on rows of
/// another unit. Memory follows the unit, not the ledger: the unit is read once, its rows streamed into two builders
/// (<see cref="EquityReportBuilder"/>, an entry of 80 bytes per row): the regulator's, with every row, and the public
/// view's, with the rows it counts. The public view's cells are taken from the regulator's builder for every period
/// whose rows the public view counts whole, and from its own builder when a period mixes rows it counts with rows it
/// leaves out or counts in part (a late line or correction in a released month, a year whose months are not all closed).
/// </summary>
public sealed partial class EquityReportCalculator(
    IReportLines lines,
    IReportUnits units,
    IServiceEvents events,
    IReportCells reports,
    IPublicReportCells published,
    IClock clock,
    IOptions<ReportOptions> options,
    IRejections rejections,
    MessageGuard guard,
    ILogger<EquityReportCalculator> logger)
{
    /// <summary>
    /// Recomputes and stores the unit's regulator cells, releases the public cells of its newly closed periods, then
    /// clears the unit's dirty mark if nothing was written to the unit meanwhile and records when time alone changes its
    /// cells next. Returns the regulator's cells stored.
    /// </summary>
    public async Task<int> RefreshUnitAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        var lap = Stopwatch.GetTimestamp();
        // Read before the rows: a write after this changes the mark, and the unit stays dirty.
        var mark = await units.ReadAsync(unit, cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var rules = settings.ToRules();
        var now = clock.GetCurrentInstant();
        var settle = Duration.FromTimeSpan(settings.ReleaseSettle);
        var delay = Duration.FromTimeSpan(settings.PublicationDelay);
        var cutoffs = new ReleaseCutoffs(await published.ReleasedMonthsAsync(unit, cancellationToken).ConfigureAwait(false), now - settle, delay, settings.ZoneOf);
        var released = await published.ReleasedAsync(unit, cancellationToken).ConfigureAwait(false);
        var leftOut = new List<Rejection>();
        var (cells, candidates, read) = await ComputeAsync(unit, cutoffs, rules, leftOut, cancellationToken).ConfigureAwait(false);
        var computeMs = Laps.Next(ref lap);
        cells = [.. cells.Select(c => c with { Provisional = IsRunning(c.Key, now, settings) })];
        Exception? unavailable = null;
        foreach (var period in cells.GroupBy(c => (c.Key.Service, c.Key.Period)))
        {
            try
            {
                await reports.SaveAsync(period, now.ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException) // one period's failure never blocks the others
            {
                if (guard.IsUnprocessable(e))
                    leftOut.Add(LeftOut(RowKeys.Join("cells", period.Key.Service, period.Key.Period, unit.Authority), e,
                        $"the regulator's cells of {unit.Authority} {period.Key.Service} {period.Key.Period}", guard));
                else
                    unavailable ??= e;
            }
        }
        await rejections.AddAsync(leftOut, cancellationToken).ConfigureAwait(false);
        if (leftOut.Count > 0)
            LogLeftOut(logger, leftOut.Count, Rejection.ReportPartition);
        if (unavailable is not null)
            throw new InvalidOperationException($"Equity report of {unit}: some cells could not be saved ({unavailable.Message}); the unit stays dirty.", unavailable);

        var saveMs = Laps.Next(ref lap);
        var closed = candidates.Where(c => cutoffs.IsReleasable(c.Key)).ToList();
        var release = PublicRelease.Release(released, closed, rules.SuppressionThreshold, now);
        // Months first: cells released without their months' cutoffs could not be matched by later releases.
        await published.AddMonthsAsync(cutoffs.NewReleases, cancellationToken).ConfigureAwait(false);
        await published.AddAsync(release, cancellationToken).ConfigureAwait(false);

        var releasedKeys = released.Select(c => c.Key).Concat(release.Select(c => c.Key)).ToHashSet();
        var due = UnitSchedule.NextDue(cells, candidates.Where(c => !releasedKeys.Contains(c.Key)).Select(c => c.Key), read.Months,
            m => cutoffs.IsMonthReleased(unit.Service, unit.Authority, m), now, delay + settle, settings.ZoneOf(unit.Authority));
        var cleared = await units.CompleteAsync(unit, mark, due, cancellationToken).ConfigureAwait(false);
        LogComputed(logger, unit.Authority, unit.Service, unit.Year, read.Lines, cells.Count, cutoffs.NewReleases.Count, release.Count, cleared, computeMs, saveMs, Laps.Next(ref lap));
        return cells.Count;
    }

    /// <summary>
    /// The unit's regulator cells (primary and secondary suppression), the public view's candidate cells (primary
    /// suppression, from the rows it counts), and what the read found; one read of the unit.
    /// </summary>
    private async Task<(List<EquityCell> Cells, IReadOnlyList<EquityCell> Candidates, UnitRead Read)> ComputeAsync(ReportUnit unit, ReleaseCutoffs cutoffs,
        EquityReportRules rules, List<Rejection> leftOut, CancellationToken cancellationToken)
    {
        var all = new EquityReportBuilder(rules);
        var releasing = new EquityReportBuilder(rules);
        var read = await ReadAsync(unit, cutoffs, all, releasing, leftOut, cancellationToken).ConfigureAwait(false);
        // A period whose rows the public view all counts whole has the same primary cells in both views.
        var candidates = read.Partial.Overlaps(read.Released) ? releasing.BuildPrimary() : all.BuildPrimary().Where(c => read.Released.Contains(c.Key.Period)).ToList();
        return ([.. all.Build()], candidates, read);
    }

    /// <summary>
    /// Reads the unit's rows once, adding each to <paramref name="all"/> (every row) and to <paramref name="releasing"/>
    /// (what the public view counts of it: rows of closed months stored before their cutoff, corrections after it left
    /// out); unreadable rows go to <paramref name="leftOut"/>. Returns the months
    /// holding rows, the lines read, and the periods (month, quarter and year texts) with rows the public view counts
    /// whole (<c>Released</c>) or not at all or in part (<c>Partial</c>): a period in the first set only counts in the
    /// public view exactly what it counts in the regulator's, so its public candidates are the regulator's primary cells.
    /// </summary>
    private async Task<UnitRead> ReadAsync(ReportUnit unit, ReleaseCutoffs cutoffs, EquityReportBuilder all, EquityReportBuilder releasing,
        List<Rejection> leftOut, CancellationToken cancellationToken)
    {
        var result = new UnitRead();
        await foreach (var read in lines.ReadUnitAsync(unit, cancellationToken).ConfigureAwait(false))
        {
            if (read.Line is not { } line)
            {
                // One unreadable row never costs the report.
                leftOut.Add(LeftOut(RowKeys.Join(["line", .. read.Address]), read.Error!, $"{read.Authority} {read.Service}: a line of household {read.HouseholdId}", guard));
                continue;
            }
            all.Add(line.ToReportLine());
            result.Months.Add(ReportPeriod.Containing(line.Period.End, ReportPeriodKind.Month));
            var latest = LatestStored(line);
            var whole = false;
            if (cutoffs.CutoffOf(line.Service, line.Authority, line.Period.End, latest) is { } cutoff && line.StoredAt < cutoff)
            {
                var counted = line.StoredBefore(cutoff);
                releasing.Add(counted.ToReportLine());
                whole = counted.Items.Count == line.Items.Count;
            }
            result.Mark(line.Period.End, whole);
            result.Lines++;
        }
        await foreach (var e in events.UnitAsync(unit, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var serviceEvent = ToServiceEvent(e);
                all.Add(serviceEvent);
                result.Months.Add(ReportPeriod.Containing(serviceEvent.Date, ReportPeriodKind.Month));
                var counted = cutoffs.CutoffOf(e.Service, e.Authority, serviceEvent.Date, StoredAt(e.StoredAt)) is { } cutoff && Before(e.StoredAt, cutoff);
                if (counted)
                    releasing.Add(serviceEvent);
                result.Mark(serviceEvent.Date, counted);
            }
            catch (Exception error) when (guard.IsUnprocessable(error))
            {
                leftOut.Add(LeftOut(RowKeys.Join(["event", .. e.Address]), error, $"{e.Authority} {e.Service}: {e.Kind} in area {e.Area}", guard));
            }
        }
        return result;
    }

    /// <summary>When the line or the last of its items reached the ledger (null when none of them says).</summary>
    private static Instant? LatestStored(LedgerLine line)
    {
        var latest = line.StoredAt;
        foreach (var item in line.Items)
            if (item.StoredAt is { } at && (latest is null || at > latest))
                latest = at;
        return latest;
    }

    /// <summary>The service event a kept decision counts as in the report; throws when it cannot be read.</summary>
    public static ServiceEvent ToServiceEvent(StoredServiceEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ServiceEvent(e.Authority, e.Service, e.Area, e.HouseholdId.Length == 0 ? null : e.HouseholdId, StoredDate.Parse(e.Date),
            e.Currency, e.CompensationMinor, e.Kind == StoredServiceEvent.RestrictionKind && e.Verdict == nameof(Domain.Universal.Restrictions.RestrictionVerdict.Blocked));
    }

    /// <summary>The rejection recording what was left out of the report (<paramref name="what"/>) and why.</summary>
    public static Rejection LeftOut(string key, Exception error, string what, MessageGuard guard) =>
        new(Rejection.ReportPartition, key, Rejection.ReportPartition, $"left out of the equity report: {guard.Describe(error)}", what);

    /// <summary>True when a row stored at <paramref name="storedAt"/> (unknown: never) was stored before <paramref name="cutoff"/>.</summary>
    private static bool Before(DateTimeOffset? storedAt, Instant cutoff) => StoredAt(storedAt) < cutoff;

    private static Instant? StoredAt(DateTimeOffset? timestamp) => timestamp is { } at ? Instant.FromDateTimeOffset(at) : null;

    private static bool IsRunning(EquityCellKey key, Instant now, ReportOptions settings) =>
        ReportPeriod.TryParse(key.Period, out var period) && period.Value.End >= now.InZone(settings.ZoneOf(key.Authority)).Date;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Equity report: {Count} rows or units left out, each stored as a rejection under '{Partition}'")]
    private static partial void LogLeftOut(ILogger logger, int count, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Equity report of {Authority} {Service} {Year} computed from {Lines} lines into {Cells} cells; {Months} months and {Released} public cells released; mark cleared: {Cleared}; ms: read and compute {ComputeMs}, save {SaveMs}, release {ReleaseMs}")]
    private static partial void LogComputed(ILogger logger, string authority, string service, int year, int lines, int cells, int months, int released, bool cleared,
        long computeMs, long saveMs, long releaseMs);
}
