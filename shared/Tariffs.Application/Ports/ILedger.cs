using NodaTime;
using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Ports;

/// <summary>
/// The ledger the use cases read and append to: billed lines with their append-only items, and the outbox of the
/// publications of corrections. Every write has a deterministic key and the first write of a key wins: appending a
/// line again, or a correction already there, changes nothing stored. Implementations must pass the one contract
/// suite (tests: <c>LedgerContract</c>).
/// </summary>
public interface ILedger
{
    /// <summary>
    /// Appends priced lines with their original items, each line whole and at most once: a line already stored is
    /// left as stored (its originals are never rewritten) and returned in <see cref="LedgerAppend.AlreadyStored"/>; a
    /// line storage refuses for good is returned refused with why and costs no other line.
    /// </summary>
    Task<LedgerAppend> AppendAsync(IReadOnlyList<LedgerLine> lines, CancellationToken cancellationToken);

    /// <summary>
    /// Appends corrective items of one stored line and the publication (<paramref name="publication"/>) announcing them,
    /// all or nothing; null, writing nothing, when one of the items' ids is on the line already (another recomputation
    /// got there first).
    /// </summary>
    Task<PendingPublication?> TryAppendCorrectionsAsync(LedgerLine line, IReadOnlyList<LedgerItem> corrections, string publication, CancellationToken cancellationToken);

    /// <summary>Forgets a publication once sent (completing it twice is harmless).</summary>
    Task CompletePublicationAsync(PendingPublication pending, CancellationToken cancellationToken);

    /// <summary>Publications stored before <paramref name="before"/> and not completed: their sender stopped before sending them.</summary>
    IAsyncEnumerable<PendingPublication> PendingPublicationsAsync(Instant before, CancellationToken cancellationToken);

    /// <summary>One stored line with every item stored for it, or null when it is not in the ledger.</summary>
    Task<LedgerLine?> ReadLineAsync(LedgerLineId id, CancellationToken cancellationToken);

    /// <summary>Several stored lines with their items; the ids of lines not stored are left out.</summary>
    Task<IReadOnlyList<LedgerLine>> ReadLinesAsync(IEnumerable<LedgerLineId> ids, CancellationToken cancellationToken);

    /// <summary>Every stored line of one household, of every batch, with its items: in batch, then line order (a line that cannot be read throws why).</summary>
    IAsyncEnumerable<LedgerLine> ReadHouseholdAsync(string householdId, CancellationToken cancellationToken);

    /// <summary>Every stored line of one batch with its items, in household order (for tests and diagnostics).</summary>
    IAsyncEnumerable<LedgerLine> ReadBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>
    /// How many shards the ledger's lines fall in (<see cref="ReadShardAsync"/>): the pieces a long read over the whole
    /// ledger is cut into, to run side by side or one queue message each.
    /// </summary>
    int Shards { get; }

    /// <summary>
    /// Every stored line of shard <paramref name="shard"/> (0 to <see cref="Shards"/> − 1) in <paramref name="range"/>,
    /// without its items (<see cref="LedgerLine.Items"/> empty: what pricing the line again needs, not what was posted
    /// for it), in the shard's key order, the same on every read: a household's lines come one after another. With
    /// <paramref name="after"/> (a line read before), only the lines after it in that order: a long read stopped on the
    /// way resumes from its last line (the line itself need not be stored). Every line is in exactly one shard, and all
    /// the lines of a household are in the same one. The range is applied where the lines are stored: lines outside it
    /// are not transferred. A line that cannot be read throws why.
    /// </summary>
    IAsyncEnumerable<LedgerLine> ReadShardAsync(int shard, LedgerRange range, LedgerLineId? after, CancellationToken cancellationToken);

    /// <summary>
    /// How many lines <see cref="ReadShardAsync"/> of <paramref name="shard"/> and <paramref name="range"/> would give
    /// from the start, counted where they are stored, reading their keys only (a progress total, not a snapshot: lines
    /// appended meanwhile may or may not count).
    /// </summary>
    Task<long> CountShardAsync(int shard, LedgerRange range, CancellationToken cancellationToken);

    /// <summary>
    /// Every stored line, in no particular order, with at least what the equity report derives from
    /// (<see cref="LedgerLine.ToReportLine"/>) and when each line and item was stored; other fields may be defaults. A
    /// line that cannot be read comes back with why instead (<see cref="LedgerRead.Error"/>), costing no other line.
    /// </summary>
    IAsyncEnumerable<LedgerRead> ReadAllForReportsAsync(CancellationToken cancellationToken);
}
