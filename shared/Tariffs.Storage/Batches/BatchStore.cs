using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Batches;

/// <summary>
/// <see cref="IBatches"/> on Table storage (table <c>batches</c>, PartitionKey = batch id), and the status they add up
/// to: a received batch's <see cref="BatchRecord"/> (RowKey = <c>header</c>; its id is the key, not a column) and each
/// processed chunk's <see cref="ChunkRecord"/> (RowKey = <c>chunk|NNNNNN</c>; a reprocessed chunk writes the same row
/// again, so counts never double), each record's properties the row's columns (<see cref="RecordColumns{T}"/>).
/// </summary>
public sealed class BatchStore(TableServiceClient service) : IBatches
{
    private const string HeaderRowKey = "header";

    private static readonly RecordColumns<BatchRecord> Headers = new(nameof(BatchRecord.BatchId));
    private static readonly RecordColumns<ChunkRecord> Chunks = new();

    private readonly TableClient table = service.GetTableClient(TableNames.Batches);

    /// <summary>Records a received batch; a batch received again keeps its first record.</summary>
    public async Task SaveHeaderAsync(BatchRecord header, CancellationToken cancellationToken) =>
        await table.InsertMissingAsync([ToEntity(header)], cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Records an accepted batch unless its id is taken: returns null when <paramref name="header"/> is now the batch's
    /// record, else the record holding the id (its <see cref="BatchRecord.ContentHash"/> tells a resend from other
    /// content). A batch id is one namespace across operators. The record of a refused batch holds no id: an accepted
    /// batch replaces it.
    /// </summary>
    public async Task<BatchRecord?> ClaimAsync(BatchRecord header, CancellationToken cancellationToken)
    {
        var entity = ToEntity(header);
        while (true)
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!stored.HasValue)
                continue;
            var record = ToRecord(stored.Value!);
            if (record.Refusal.Length == 0)
                return record;
            try
            {
                await table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // another delivery replaced or claimed it meanwhile: look again
            }
        }
    }

    /// <summary>Records that every chunk of a batch was queued (or priced inline).</summary>
    public Task MarkSplitAsync(string batchId, CancellationToken cancellationToken) =>
        table.UpdateEntityAsync(new TableEntity(RowKeys.Whole(batchId), HeaderRowKey) { [nameof(BatchRecord.Split)] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Records that a chunk is done (replacing an earlier record of the same chunk).</summary>
    public Task SaveChunkAsync(string batchId, ChunkRecord chunk, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(Chunks.Row(chunk, RowKeys.Whole(batchId), "chunk|" + chunk.Chunk.ToString("D6", CultureInfo.InvariantCulture)),
            TableUpdateMode.Replace, cancellationToken);

    /// <summary>The batch's status (<see cref="BatchStatus.Of"/>), or null when no batch has that id.</summary>
    public async Task<BatchStatus?> GetStatusAsync(string batchId, CancellationToken cancellationToken)
    {
        BatchRecord? header = null;
        var chunks = new List<ChunkRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(batchId)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == HeaderRowKey)
                header = ToRecord(row);
            else
                chunks.Add(Chunks.Record(row));
        }
        return header is null ? null : BatchStatus.Of(batchId, header, chunks);
    }

    /// <summary>The header row of a batch record.</summary>
    private static TableEntity ToEntity(BatchRecord record) => Headers.Row(record, RowKeys.Whole(record.BatchId), HeaderRowKey);

    /// <summary>The batch record a header row holds.</summary>
    private static BatchRecord ToRecord(TableEntity row)
    {
        var record = Headers.Record(row);
        record.BatchId = RowKeys.Decode(row.PartitionKey);
        return record;
    }
}
