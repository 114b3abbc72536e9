using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Storage.Ledger;

namespace Tariffs.Application.Ports;

/// <summary>
/// <see cref="ILedger"/> on Azure Table storage: forwards to <see cref="LedgerStore"/>. Interim: once Tariffs.Storage
/// references the Application (issue 12, item 2), <see cref="LedgerStore"/> implements the port itself and this goes.
/// </summary>
public sealed class StoredLedger(LedgerStore store) : ILedger
{
    public Task<LedgerAppend> AppendAsync(IReadOnlyList<LedgerLine> lines, CancellationToken cancellationToken) => store.AppendAsync(lines, cancellationToken);

    public Task<PendingPublication?> TryAppendCorrectionsAsync(LedgerLine line, IReadOnlyList<LedgerItem> corrections, string publication, CancellationToken cancellationToken) =>
        store.TryAppendCorrectionsAsync(line, corrections, publication, cancellationToken);

    public Task CompletePublicationAsync(PendingPublication pending, CancellationToken cancellationToken) => store.CompletePublicationAsync(pending, cancellationToken);

    public IAsyncEnumerable<PendingPublication> PendingPublicationsAsync(Instant before, CancellationToken cancellationToken) => store.PendingPublicationsAsync(before, cancellationToken);

    public Task<LedgerLine?> ReadLineAsync(LedgerLineId id, CancellationToken cancellationToken) => store.ReadLineAsync(id, cancellationToken);

    public Task<IReadOnlyList<LedgerLine>> ReadLinesAsync(IEnumerable<LedgerLineId> ids, CancellationToken cancellationToken) => store.ReadLinesAsync(ids, cancellationToken);

    public IAsyncEnumerable<LedgerLine> ReadHouseholdAsync(string householdId, CancellationToken cancellationToken) => store.ReadHouseholdAsync(householdId, cancellationToken);

    public IAsyncEnumerable<LedgerLine> ReadBatchAsync(string batchId, CancellationToken cancellationToken) => store.ReadBatchAsync(batchId, cancellationToken);

    public IAsyncEnumerable<LedgerRead> ReadAllForReportsAsync(CancellationToken cancellationToken) => store.ReadAllForReportsAsync(cancellationToken);
}
