using NodaTime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Events;
using Tariffs.Application.Ports;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;

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
    ServiceEventStore events,
    ReportStore reports,
    PublicReportStore published,
    IClock clock,
    IOptions<ReportOptions> options,
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
        await foreach (var line in ledger.ReadAllForReportsAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(line.ToReportLine());
            var latest = line.Items.Select(i => i.StoredAt).Append(line.StoredAt).Max();
            if (cutoffs.CutoffOf(line.Service, line.Authority, line.Period.End, latest) is { } cutoff && line.StoredAt < cutoff)
                releasing.Add(line.StoredBefore(cutoff).ToReportLine());
            lines++;
        }
        await foreach (var e in events.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            var serviceEvent = new ServiceEvent(e.Authority, e.Service, e.Area, e.HouseholdId.Length == 0 ? null : e.HouseholdId, StoredDate.Parse(e.Date),
                e.Currency, e.CompensationMinor, e.Kind == ServiceEventEntity.RestrictionKind && e.Verdict == nameof(Domain.Universal.Restrictions.RestrictionVerdict.Blocked));
            all.Add(serviceEvent);
            if (cutoffs.CutoffOf(e.Service, e.Authority, serviceEvent.Date, StoredAt(e.Timestamp)) is { } cutoff && Before(e.Timestamp, cutoff))
                releasing.Add(serviceEvent);
        }

        var cells = all.Build()
            .Select(c => c with { Provisional = IsRunning(c.Key, now, settings) })
            .ToList();
        await reports.SaveAsync(cells, now.ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);

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

    /// <summary>True when a row stored at <paramref name="storedAt"/> (unknown: never) was stored before <paramref name="cutoff"/>.</summary>
    private static bool Before(DateTimeOffset? storedAt, Instant cutoff) => StoredAt(storedAt) < cutoff;

    private static Instant? StoredAt(DateTimeOffset? timestamp) => timestamp is { } at ? Instant.FromDateTimeOffset(at) : null;

    private static bool IsRunning(EquityCellKey key, Instant now, ReportOptions settings) =>
        ReportPeriod.TryParse(key.Period, out var period) && period.Value.End >= now.InZone(settings.ZoneOf(key.Authority)).Date;

    [LoggerMessage(Level = LogLevel.Information, Message = "Equity report recomputed from {Lines} ledger lines into {Cells} cells; {Months} months and {Released} public cells released")]
    private static partial void LogComputed(ILogger logger, int lines, int cells, int months, int released);
}
