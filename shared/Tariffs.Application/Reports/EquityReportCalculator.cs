using NodaTime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tariffs.Domain.Reports;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Reports;

/// <summary>
/// Recomputes the equity report from the ledger, streamed (one line and its adjustments at a time), in two views.
/// The regulator's view: every period from every row, replaced at each run, so a late line or a correction lands in
/// its period whenever it arrives; a period still running in the authority's time zone is provisional. The public
/// view: closed periods only (<see cref="ReleaseCutoffs"/>), each cell released once and frozen, computed from the
/// rows stored before its months' cutoffs, with suppression monotone across releases (<see cref="PublicRelease"/>).
/// </summary>
public sealed partial class EquityReportCalculator(
    ILedger ledger,
    IServiceEvents events,
    IReportCells reports,
    IPublicReportCells published,
    IClock clock,
    IOptions<ReportOptions> options,
    IRejections rejections,
    MessageGuard guard,
    ILogger<EquityReportCalculator> logger)
{
    /// <summary>Recomputes and stores the regulator's cells, releases the public cells of newly closed periods; returns the regulator's cells.</summary>
    public async Task<IReadOnlyList<EquityCell>> RecomputeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var rules = settings.ToRules();
        var now = clock.GetCurrentInstant();
        var cutoffs = new ReleaseCutoffs(await published.ReleasedMonthsAsync(cancellationToken).ConfigureAwait(false),
            now - Duration.FromTimeSpan(settings.ReleaseSettle), Duration.FromTimeSpan(settings.PublicationDelay), settings.ZoneOf);
        var released = await published.ReleasedAsync(cancellationToken).ConfigureAwait(false);
        var all = new EquityReportBuilder(rules);
        var releasing = new EquityReportBuilder(rules);
        var lines = 0;
        var leftOut = new List<Rejection>();
        await foreach (var read in ledger.ReadAllForReportsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (read.Line is not { } line)
            {
                // One unreadable row never costs the report.
                leftOut.Add(LeftOut(RowKeys.Join(["line", .. read.Address]), read.Error!, $"{read.Authority} {read.Service}: a line of household {read.HouseholdId}"));
                continue;
            }
            all.Add(line.ToReportLine());
            var latest = line.Items.Select(i => i.StoredAt).Append(line.StoredAt).Max();
            if (cutoffs.CutoffOf(line.Service, line.Authority, line.Period.End, latest) is { } cutoff && line.StoredAt < cutoff)
                releasing.Add(line.StoredBefore(cutoff).ToReportLine());
            lines++;
        }
        await foreach (var e in events.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var serviceEvent = new ServiceEvent(e.Authority, e.Service, e.Area, e.HouseholdId.Length == 0 ? null : e.HouseholdId, StoredDate.Parse(e.Date),
                    e.Currency, e.CompensationMinor, e.Kind == StoredServiceEvent.RestrictionKind && e.Verdict == nameof(Domain.Universal.Restrictions.RestrictionVerdict.Blocked));
                all.Add(serviceEvent);
                if (cutoffs.CutoffOf(e.Service, e.Authority, serviceEvent.Date, StoredAt(e.StoredAt)) is { } cutoff && Before(e.StoredAt, cutoff))
                    releasing.Add(serviceEvent);
            }
            catch (Exception error) when (guard.IsUnprocessable(error))
            {
                leftOut.Add(LeftOut(RowKeys.Join(["event", .. e.Address]), error, $"{e.Authority} {e.Service}: {e.Kind} in area {e.Area}"));
            }
        }

        var cells = all.Build()
            .Select(c => c with { Provisional = IsRunning(c.Key, now, settings) })
            .ToList();
        Exception? unavailable = null;
        foreach (var unit in cells.GroupBy(c => (c.Key.Service, c.Key.Period)))
        {
            try
            {
                await reports.SaveAsync(unit, now.ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException) // one unit's failure never blocks the others
            {
                if (guard.IsUnprocessable(e))
                    leftOut.Add(LeftOut(RowKeys.Join("cells", unit.Key.Service, unit.Key.Period), e, $"the regulator's cells of {unit.Key.Service} {unit.Key.Period}"));
                else
                    unavailable ??= e;
            }
        }
        await rejections.AddAsync(leftOut, cancellationToken).ConfigureAwait(false);
        if (leftOut.Count > 0)
            LogLeftOut(logger, leftOut.Count, Rejection.ReportPartition);
        if (unavailable is not null)
            throw new InvalidOperationException($"Equity report: some units could not be saved ({unavailable.Message}); the next recompute saves them.", unavailable);

        var closed = releasing.BuildPrimary()
            .Where(c => cutoffs.IsReleasable(c.Key))
            .ToList();
        var release = PublicRelease.Release(released, closed, rules.SuppressionThreshold, now);
        // Months first: cells released without their months' cutoffs could not be matched by later releases.
        await published.AddMonthsAsync(cutoffs.NewReleases, cancellationToken).ConfigureAwait(false);
        await published.AddAsync(release, cancellationToken).ConfigureAwait(false);
        LogComputed(logger, lines, cells.Count, cutoffs.NewReleases.Count, release.Count);
        return cells;
    }

    /// <summary>The rejection recording what was left out of the report (<paramref name="what"/>) and why.</summary>
    private Rejection LeftOut(string key, Exception error, string what) =>
        new(Rejection.ReportPartition, key, Rejection.ReportPartition, $"left out of the equity report: {guard.Describe(error)}", what);

    /// <summary>True when a row stored at <paramref name="storedAt"/> (unknown: never) was stored before <paramref name="cutoff"/>.</summary>
    private static bool Before(DateTimeOffset? storedAt, Instant cutoff) => StoredAt(storedAt) < cutoff;

    private static Instant? StoredAt(DateTimeOffset? timestamp) => timestamp is { } at ? Instant.FromDateTimeOffset(at) : null;

    private static bool IsRunning(EquityCellKey key, Instant now, ReportOptions settings) =>
        ReportPeriod.TryParse(key.Period, out var period) && period.Value.End >= now.InZone(settings.ZoneOf(key.Authority)).Date;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Equity report: {Count} rows or units left out, each stored as a rejection under '{Partition}'")]
    private static partial void LogLeftOut(ILogger logger, int count, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Equity report recomputed from {Lines} ledger lines into {Cells} cells; {Months} months and {Released} public cells released")]
    private static partial void LogComputed(ILogger logger, int lines, int cells, int months, int released);
}
