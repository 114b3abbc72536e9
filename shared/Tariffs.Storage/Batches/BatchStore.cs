using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Batches;

/// <summary><see cref="IBatches"/> on Table storage: batch headers and chunk completions (table <c>batches</c>), and the status they add up to.</summary>
public sealed class BatchStore(TableServiceClient service) : IBatches
{
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
            var stored = await table.GetEntityIfExistsAsync<BatchEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!stored.HasValue)
                continue;
            if (stored.Value!.Refusal.Length == 0)
                return ToRecord(stored.Value);
            try
            {
                await table.UpdateEntityAsync(entity, stored.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
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
        table.UpdateEntityAsync(new TableEntity(RowKeys.Whole(batchId), BatchEntity.HeaderRowKey) { [nameof(BatchEntity.Split)] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Records that a chunk is done (replacing an earlier record of the same chunk).</summary>
    public Task SaveChunkAsync(string batchId, ChunkRecord chunk, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new ChunkEntity
        {
            PartitionKey = RowKeys.Whole(batchId),
            RowKey = "chunk|" + chunk.Chunk.ToString("D6", CultureInfo.InvariantCulture),
            Chunk = chunk.Chunk,
            Lines = chunk.Lines,
            Priced = chunk.Priced,
            Rejected = chunk.Rejected,
            Adjustments = chunk.Adjustments,
            Failed = chunk.Failed,
            FailureReason = chunk.FailureReason,
            CompletedAt = chunk.CompletedAt,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The batch's status (<see cref="BatchStatus.Of"/>), or null when no batch has that id.</summary>
    public async Task<BatchStatus?> GetStatusAsync(string batchId, CancellationToken cancellationToken)
    {
        BatchRecord? header = null;
        var chunks = new List<ChunkRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(batchId)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == BatchEntity.HeaderRowKey)
            {
                header = new BatchRecord
                {
                    BatchId = batchId,
                    Operator = row.GetString(nameof(BatchEntity.Operator)) ?? "",
                    Authority = row.GetString(nameof(BatchEntity.Authority)) ?? "",
                    Service = row.GetString(nameof(BatchEntity.Service)) ?? "",
                    Lines = row.GetInt32(nameof(BatchEntity.Lines)) ?? 0,
                    Chunks = row.GetInt32(nameof(BatchEntity.Chunks)) ?? 0,
                    Refusal = row.GetString(nameof(BatchEntity.Refusal)) ?? "",
                    ReceivedAt = row.GetDateTimeOffset(nameof(BatchEntity.ReceivedAt)) ?? default,
                };
                continue;
            }
            chunks.Add(new ChunkRecord
            {
                Chunk = row.GetInt32(nameof(ChunkEntity.Chunk)) ?? 0,
                Priced = row.GetInt32(nameof(ChunkEntity.Priced)) ?? 0,
                Rejected = row.GetInt32(nameof(ChunkEntity.Rejected)) ?? 0,
                Adjustments = row.GetInt32(nameof(ChunkEntity.Adjustments)) ?? 0,
                Failed = row.GetInt32(nameof(ChunkEntity.Failed)) ?? 0,
                FailureReason = row.GetString(nameof(ChunkEntity.FailureReason)) ?? "",
            });
        }
        return header is null ? null : BatchStatus.Of(batchId, header, chunks);
    }

    /// <summary>The header row of a batch record.</summary>
    private static BatchEntity ToEntity(BatchRecord r) => new()
    {
        PartitionKey = RowKeys.Whole(r.BatchId),
        RowKey = BatchEntity.HeaderRowKey,
        Operator = r.Operator,
        Authority = r.Authority,
        Service = r.Service,
        Currency = r.Currency,
        BlobName = r.BlobName,
        Lines = r.Lines,
        Chunks = r.Chunks,
        ReceivedAt = r.ReceivedAt,
        Refusal = r.Refusal,
        ContentHash = r.ContentHash,
        Split = r.Split,
    };

    /// <summary>The batch record a header row holds.</summary>
    private static BatchRecord ToRecord(BatchEntity e) => new()
    {
        BatchId = RowKeys.Decode(e.PartitionKey),
        Operator = e.Operator,
        Authority = e.Authority,
        Service = e.Service,
        Currency = e.Currency,
        BlobName = e.BlobName,
        Lines = e.Lines,
        Chunks = e.Chunks,
        ReceivedAt = e.ReceivedAt,
        Refusal = e.Refusal,
        ContentHash = e.ContentHash,
        Split = e.Split,
    };
}
