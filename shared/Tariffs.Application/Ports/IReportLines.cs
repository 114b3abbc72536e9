using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Ports;

/// <summary>
/// The equity report's projection of the ledger by <see cref="ReportUnit"/>: each line with what the report derives
/// from it (<see cref="LedgerLine.ToReportLine"/>) and when the line and each item were stored, replaced whole on every
/// save (saving again is harmless), so that one unit is read without reading the ledger.
/// </summary>
public interface IReportLines
{
    /// <summary>Projects the lines as they are now; a line or item whose stored instant is unknown counts as stored at <paramref name="storedAt"/>. Returns the transactions submitted.</summary>
    Task<int> SaveAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Projects lines as first stored (no item appended since: every projection of them is the same but for the
    /// instant stamped), as <see cref="SaveAsync"/> does but in fewer, larger writes. A line's own projection
    /// (<see cref="SaveAsync"/>) prevails over this one whatever the order they reach storage in; of several copies
    /// saved here, one is read. Returns the transactions submitted.
    /// </summary>
    Task<int> SaveNewAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken);

    /// <summary>Every projected line of the unit, in no particular order; a row that cannot be read comes back with why (<see cref="LedgerRead.Error"/>).</summary>
    IAsyncEnumerable<LedgerRead> ReadUnitAsync(ReportUnit unit, CancellationToken cancellationToken);

    /// <summary>
    /// The copies saved by <see cref="SaveNewAsync"/> that are stored now, each at its version: what a rebuild takes before it
    /// projects every line again, to remove them once it has (<see cref="RemoveCopiesAsync"/>); otherwise every rebuild
    /// would leave one more copy of every line, to be stored and read.
    /// </summary>
    Task<IReadOnlyList<StoredCopy>> CopiesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes each copy still at its version; one saved again since (the same lines packed the same way) is kept, one
    /// already gone is ignored. Returns the copies removed.
    /// </summary>
    Task<int> RemoveCopiesAsync(IReadOnlyCollection<StoredCopy> copies, CancellationToken cancellationToken);
}
