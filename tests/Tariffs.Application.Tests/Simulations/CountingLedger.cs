using System.Runtime.CompilerServices;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Tests.Simulations;

/// <summary>
/// A ledger that counts the lines its shard reads give (<see cref="LinesRead"/>) and, when <paramref name="failAfter"/>
/// is set, fails a shard read once that many lines were given (at once for 0): a chunk's host stopping on the way.
/// Everything else is <paramref name="inner"/>'s.
/// </summary>
internal sealed class CountingLedger(ILedger inner, int? failAfter = null) : ILedger
{
    private int read;

    /// <summary>Lines given by shard reads so far.</summary>
    public int LinesRead => read;

    public int Shards => inner.Shards;

    public async IAsyncEnumerable<LedgerLine> ReadShardAsync(int shard, LedgerRange range, LedgerLineId? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stop();
        await foreach (var line in inner.ReadShardAsync(shard, range, after, cancellationToken))
        {
            Interlocked.Increment(ref read);
            yield return line;
            Stop();
        }
    }

    public Task<long> CountShardAsync(int shard, LedgerRange range, CancellationToken cancellationToken) => inner.CountShardAsync(shard, range, cancellationToken);

    private void Stop()
    {
        if (read == failAfter)
            throw new InvalidOperationException($"the host stopped after {read} lines");
    }

    public Task<LedgerAppend> AppendAsync(IReadOnlyList<LedgerLine> lines, CancellationToken cancellationToken) => inner.AppendAsync(lines, cancellationToken);

    public Task<PendingPublication?> TryAppendCorrectionsAsync(LedgerLine line, IReadOnlyList<LedgerItem> corrections, string publication, CancellationToken cancellationToken) =>
        inner.TryAppendCorrectionsAsync(line, corrections, publication, cancellationToken);

    public Task CompletePublicationAsync(PendingPublication pending, CancellationToken cancellationToken) => inner.CompletePublicationAsync(pending, cancellationToken);

    public IAsyncEnumerable<PendingPublication> PendingPublicationsAsync(Instant before, CancellationToken cancellationToken) => inner.PendingPublicationsAsync(before, cancellationToken);

    public Task<LedgerLine?> ReadLineAsync(LedgerLineId id, CancellationToken cancellationToken) => inner.ReadLineAsync(id, cancellationToken);

    public Task<IReadOnlyList<LedgerLine>> ReadLinesAsync(IEnumerable<LedgerLineId> ids, CancellationToken cancellationToken) => inner.ReadLinesAsync(ids, cancellationToken);

    public IAsyncEnumerable<LedgerLine> ReadHouseholdAsync(string householdId, CancellationToken cancellationToken) => inner.ReadHouseholdAsync(householdId, cancellationToken);

    public IAsyncEnumerable<LedgerLine> ReadBatchAsync(string batchId, CancellationToken cancellationToken) => inner.ReadBatchAsync(batchId, cancellationToken);

    public IAsyncEnumerable<LedgerRead> ReadAllForReportsAsync(CancellationToken cancellationToken) => inner.ReadAllForReportsAsync(cancellationToken);
}
