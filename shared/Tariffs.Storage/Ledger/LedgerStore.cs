using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// <see cref="ILedger"/> on Table storage (table <c>ledger</c>): billed lines and their append-only items, keyed by household
/// (<see cref="LedgerKeys"/>) and encoded by <see cref="LedgerRowCodec"/>, written in entity group transactions where
/// the first write of a key wins (<see cref="IdempotentInserter"/>), so redelivery never doubles anything and nothing
/// stored is ever edited. A household's lines are one range query (what a late eligibility flag recomputes, what an
/// explanation shows); a chunk of 2,000 lines costs three transactions per partition (of the deployment's
/// <see cref="LedgerOptions.Partitions"/>).
/// </summary>
public sealed class LedgerStore(TableServiceClient service, IOptions<LedgerOptions> options) : ILedger
{
    /// <summary>Partitions the equity report reads at once.</summary>
    private const int ReportReaders = 4;

    /// <summary>At most this many key comparisons in one query filter besides the partition's (Table storage allows 15 in all).</summary>
    private const int ComparisonsPerFilter = 14;

    /// <summary>Separates the partition from the row key in a <see cref="PendingPublication.Id"/> ('/' is never in a key).</summary>
    private const char IdSeparator = '/';

    private readonly TableClient table = service.GetTableClient(TableNames.Ledger);

    private readonly int partitions = options.Value.Partitions;

    /// <summary>A ledger of the default partition count (<see cref="LedgerKeys.DefaultPartitions"/>), for tests and tools.</summary>
    public LedgerStore(TableServiceClient service)
        : this(service, Options.Create(new LedgerOptions()))
    {
    }

    /// <summary>
    /// Appends priced lines with their original items. A line and its items always share one transaction, and a line
    /// already stored is skipped whole, so a line's originals are written once, together, whatever corrections were
    /// appended to it since. Returns the rows inserted and the lines found stored already. One line never costs
    /// another: a transaction storage refuses for good (a value too large, a key too long or invalid) is tried again one
    /// line at a time, the lines refused alone returned refused.
    /// </summary>
    public async Task<LedgerAppend> AppendAsync(IReadOnlyList<LedgerLine> lines, CancellationToken cancellationToken)
    {
        var refused = new List<RefusedLine>();
        var encoded = new List<(LedgerLine Line, IReadOnlyList<ITableEntity> Rows)>(lines.Count);
        foreach (var line in lines)
        {
            try
            {
                encoded.Add((line, LedgerRowCodec.Encode(line, partitions)));
            }
            catch (Exception e) when (e is OverflowException or ArgumentException or FormatException or InvalidOperationException)
            {
                refused.Add(new RefusedLine(line, $"its ledger rows cannot be built: {e.Message}"));
            }
        }
        var result = await table.InsertGroupsAsync(encoded, l => l.Rows, isolateRefusals: true, cancellationToken).ConfigureAwait(false);
        refused.AddRange(result.Refused.Select(r => new RefusedLine(r.Group.Line, $"storage refused its ledger rows: {r.Reason}")));
        return new LedgerAppend(result.Inserted, [.. result.AlreadyStored.Select(l => l.Line)], refused);
    }

    /// <summary>
    /// Appends corrective items of one line and the outbox entry of their publication (<paramref name="publication"/>)
    /// in one entity group transaction, all or nothing. Returns the pending publication, to be completed with
    /// <see cref="CompletePublicationAsync"/> once sent; null, writing nothing, when one of the keys exists already
    /// (another recomputation got there first: read the line again and recompute).
    /// </summary>
    public async Task<PendingPublication?> TryAppendCorrectionsAsync(LedgerLine line, IReadOnlyList<LedgerItem> corrections, string publication, CancellationToken cancellationToken)
    {
        if (corrections.Count == 0)
            throw new ArgumentException("Nothing to append.", nameof(corrections));
        var lineKey = LedgerKeys.LineKey(line.Id);
        var rows = corrections.Select(c => LedgerRowCodec.EncodeItem(line, lineKey, c, partitions)).ToList();
        var outbox = new OutboxEntity
        {
            PartitionKey = rows[0].PartitionKey,
            // Any one of the corrections' keys identifies the append (each is new, or the whole append fails).
            RowKey = LedgerKeys.OutboxPrefix + rows[0].RowKey,
            Payload = publication,
        };
        try
        {
            await table.SubmitTransactionAsync(rows.Append<ITableEntity>(outbox).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                .ConfigureAwait(false);
            return Pending(outbox);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Deletes an outbox entry once its publication is sent (deleting it twice is harmless).</summary>
    public async Task CompletePublicationAsync(PendingPublication pending, CancellationToken cancellationToken)
    {
        var at = pending.Id.IndexOf(IdSeparator, StringComparison.Ordinal);
        try
        {
            await table.DeleteEntityAsync(pending.Id[..at], pending.Id[(at + 1)..], ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>
    /// Outbox entries written before <paramref name="before"/> and still there: publications whose sender stopped between
    /// storing the corrections and sending them. One range query per partition.
    /// </summary>
    public async IAsyncEnumerable<PendingPublication> PendingPublicationsAsync(Instant before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var partition = 0; partition < partitions; partition++)
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {LedgerKeys.Partition(partition)} and RowKey ge {LedgerKeys.OutboxPrefix} and RowKey lt {LedgerKeys.After(LedgerKeys.OutboxPrefix)} and Timestamp lt {before.ToDateTimeOffset()}");
            await foreach (var row in table.QueryAsync<OutboxEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                yield return Pending(row);
        }
    }

    private static PendingPublication Pending(OutboxEntity outbox) => new(outbox.PartitionKey + IdSeparator + outbox.RowKey, outbox.Payload);

    /// <summary>One stored line and its items as they are now, or null when it is not in the ledger.</summary>
    public async Task<LedgerLine?> ReadLineAsync(LedgerLineId id, CancellationToken cancellationToken)
    {
        var key = LedgerKeys.LineKey(id);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LedgerKeys.PartitionOf(id.HouseholdId, partitions)} and RowKey ge {key} and RowKey lt {LedgerKeys.After(key)}");
        await foreach (var line in ReadAsync(filter, cancellationToken).ConfigureAwait(false))
            return line;
        return null;
    }

    /// <summary>
    /// Several stored lines with their items, as stored now (lines not stored are left out): a query per seven lines of
    /// a partition, each line being the range of its key and its items' keys.
    /// </summary>
    public async Task<IReadOnlyList<LedgerLine>> ReadLinesAsync(IEnumerable<LedgerLineId> ids, CancellationToken cancellationToken)
    {
        var lines = new List<LedgerLine>();
        foreach (var partition in ids.GroupBy(i => LedgerKeys.PartitionOf(i.HouseholdId, partitions)))
            foreach (var group in partition.Select(LedgerKeys.LineKey).Chunk(ComparisonsPerFilter / 2))
            {
                var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key}")} and ({string.Join(" or ", group.Select(k => TableClient.CreateQueryFilter($"(RowKey ge {k} and RowKey lt {LedgerKeys.After(k)})")))})";
                await foreach (var line in ReadAsync(filter, cancellationToken).ConfigureAwait(false))
                    lines.Add(line);
            }
        return lines;
    }

    /// <summary>Every stored line of one household (of every batch) with its items, in batch and line order.</summary>
    public IAsyncEnumerable<LedgerLine> ReadHouseholdAsync(string householdId, CancellationToken cancellationToken)
    {
        var prefix = LedgerKeys.HouseholdPrefix(householdId);
        return ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {LedgerKeys.PartitionOf(householdId, partitions)} and RowKey gt {prefix} and RowKey lt {LedgerKeys.After(prefix)}"), cancellationToken);
    }

    /// <summary>
    /// Every line of a batch, in household order: a scan of the ledger filtered on the batch id (rows are keyed by
    /// household), for tests and diagnostics — operators receive a batch's adjustments as they are written.
    /// </summary>
    public IAsyncEnumerable<LedgerLine> ReadBatchAsync(string batchId, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"BatchId eq {batchId}"), cancellationToken);

    /// <summary>The ledger's partitions (<see cref="LedgerOptions.Partitions"/>): a household's rows are all in one.</summary>
    public int Shards => partitions;

    /// <summary>
    /// The line rows of one partition in the range (filtered on the kind, service and period end, so that no item row
    /// and no line outside the range is transferred), in RowKey order (household, batch, line:
    /// <see cref="LedgerKeys.LineKey"/>); after a line, from the next RowKey on.
    /// </summary>
    public IAsyncEnumerable<LedgerLine> ReadShardAsync(int shard, LedgerRange range, LedgerLineId? after, CancellationToken cancellationToken)
    {
        var filter = ShardFilter(shard, range);
        return ReadAsync(after is { } line ? filter + " and " + TableClient.CreateQueryFilter($"RowKey gt {LedgerKeys.LineKey(line)}") : filter, cancellationToken);
    }

    /// <summary>The line rows of <see cref="ReadShardAsync"/>'s filter, counted from their keys alone (<c>$select=RowKey</c>).</summary>
    public async Task<long> CountShardAsync(int shard, LedgerRange range, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(ShardFilter(shard, range), select: ["RowKey"], cancellationToken: cancellationToken)
            .AsPages().ConfigureAwait(false))
            count += page.Values.Count;
        return count;
    }

    private string ShardFilter(int shard, LedgerRange range)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, partitions);
        var (from, to) = (StoredDate.Format(range.From), StoredDate.Format(range.To));
        return TableClient.CreateQueryFilter(
            $"PartitionKey eq {LedgerKeys.Partition(shard)} and Kind eq {LedgerKinds.Line} and Authority eq {range.Authority} and Service eq {range.Service} and PeriodTo ge {from} and PeriodTo le {to}");
    }

    /// <summary>
    /// Every line of the ledger with only what the equity report derives from (<see cref="LedgerRowCodec.ReportColumns"/>;
    /// the rest decodes to defaults; a line that cannot be decoded comes back with why), partitions read side by side (<see cref="ReportReaders"/> at a time) so that
    /// parsing one page overlaps fetching the next: lines come in no particular order across partitions. Explanations
    /// and notes are most of a row's bytes, so this reads the ledger much faster than whole rows.
    /// </summary>
    public IAsyncEnumerable<LedgerRead> ReadAllForReportsAsync(CancellationToken cancellationToken) =>
        SideBySide.ReadAsync(Enumerable.Range(0, partitions).Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {LedgerKeys.Partition(p)}")), ReportReaders,
            (filter, token) => LedgerRowCodec.DecodeAsync(table.QueryAsync<TableEntity>(filter, select: LedgerRowCodec.ReportColumns, cancellationToken: token), token), cancellationToken);

    /// <summary>The lines the filter selects; a line that cannot be decoded throws why (an unknown currency: <see cref="Domain.Money.UnknownCurrencyException"/>).</summary>
    private async IAsyncEnumerable<LedgerLine> ReadAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var read in LedgerRowCodec.DecodeAsync(table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            if (read.Line is null)
                ExceptionDispatchInfo.Throw(read.Error!);
            yield return read.Line;
        }
    }
}
