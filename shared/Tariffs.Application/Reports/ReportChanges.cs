using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Reports;

/// <summary>
/// Tells the equity report what was written, right after it was: a ledger line's projection into its report unit
/// (<see cref="IReportLines"/>, replaced whole: writing it again is harmless), then the unit marked dirty
/// (<see cref="IReportUnits"/>), in that order, so a refresh that clears the mark has read the rows it stands for.
/// A writer that fails between its ledger write and these is retried (a chunk, a household recompute) and calls
/// them again; a rebuild (<see cref="EquityReportRefresh.RebuildAsync"/>) re-projects the whole ledger.
/// </summary>
public sealed class ReportChanges(IReportLines lines, IReportUnits units, IClock clock)
{
    /// <summary>
    /// Projects the lines (as stored now: every item they have) and marks their units dirty; a line or item whose
    /// stored instant is unknown (just written) is stamped now. Returns the transactions submitted.
    /// </summary>
    public async Task<int> LinesStoredAsync(IReadOnlyCollection<LedgerLine> stored, CancellationToken cancellationToken)
    {
        if (stored.Count == 0)
            return 0;
        var transactions = await lines.SaveAsync(stored, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return transactions + await units.MarkDirtyAsync(stored.Select(l => ReportUnit.Of(l.Authority, l.Service, l.Period.End)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Projects lines as first stored — no item appended since, so whoever projects them writes the same: those a chunk
    /// has just inserted, the uncorrected lines of a rebuild — packed (<see cref="IReportLines.SaveNewAsync"/>), and
    /// <paramref name="changed"/> lines (stored by an earlier delivery, or corrected since) each in its own row, which
    /// prevails over a packed copy; then marks their units dirty. Returns the transactions submitted.
    /// </summary>
    public async Task<int> ProjectAsync(IReadOnlyCollection<LedgerLine> asFirstStored, IReadOnlyCollection<LedgerLine> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asFirstStored);
        ArgumentNullException.ThrowIfNull(changed);
        if (asFirstStored.Count + changed.Count == 0)
            return 0;
        var now = clock.GetCurrentInstant();
        var transactions = await lines.SaveNewAsync(asFirstStored, now, cancellationToken).ConfigureAwait(false)
            + await lines.SaveAsync(changed, now, cancellationToken).ConfigureAwait(false);
        return transactions + await units.MarkDirtyAsync(asFirstStored.Concat(changed).Select(l => ReportUnit.Of(l.Authority, l.Service, l.Period.End)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Marks the unit of a service event just kept dirty (events are read by unit from their own table).</summary>
    public Task EventStoredAsync(StoredServiceEvent stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return units.MarkDirtyAsync([ReportUnit.Of(stored.Authority, stored.Service, StoredDate.Parse(stored.Date))], cancellationToken);
    }
}
