using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IBatches"/> in memory, with the semantics the contract suite pins on Table storage too; the status is
/// added up by the same <see cref="BatchStatus.Of"/>. Records are copied in and out, as storage would. Thread-safe.
/// </summary>
public sealed class InMemoryBatches : IBatches
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, BatchRecord> headers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<int, ChunkRecord>> chunks = new(StringComparer.Ordinal);

    public Task SaveHeaderAsync(BatchRecord header, CancellationToken cancellationToken)
    {
        lock (gate)
            headers.TryAdd(header.BatchId, Copy(header));
        return Task.CompletedTask;
    }

    public Task<BatchRecord?> ClaimAsync(BatchRecord header, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (headers.TryGetValue(header.BatchId, out var stored) && stored.Refusal.Length == 0)
                return Task.FromResult<BatchRecord?>(Copy(stored));
            headers[header.BatchId] = Copy(header);
            return Task.FromResult<BatchRecord?>(null);
        }
    }

    public Task MarkSplitAsync(string batchId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!headers.TryGetValue(batchId, out var stored))
                throw new InvalidOperationException($"No batch {batchId} to mark split."); // Table storage: 404
            stored.Split = true;
        }
        return Task.CompletedTask;
    }

    public Task SaveChunkAsync(string batchId, ChunkRecord chunk, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!chunks.TryGetValue(batchId, out var done))
                chunks[batchId] = done = [];
            done[chunk.Chunk] = Copy(chunk);
        }
        return Task.CompletedTask;
    }

    public Task<BatchStatus?> GetStatusAsync(string batchId, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(headers.TryGetValue(batchId, out var header)
                ? BatchStatus.Of(batchId, header, chunks.TryGetValue(batchId, out var done) ? done.Values : [])
                : null);
    }

    private static BatchRecord Copy(BatchRecord e) => new()
    {
        BatchId = e.BatchId, Operator = e.Operator, Authority = e.Authority, Service = e.Service, Currency = e.Currency,
        BlobName = e.BlobName, Lines = e.Lines, Chunks = e.Chunks, ReceivedAt = e.ReceivedAt, Refusal = e.Refusal, ContentHash = e.ContentHash, Split = e.Split,
    };

    private static ChunkRecord Copy(ChunkRecord c) => new()
    {
        Chunk = c.Chunk, Lines = c.Lines, Priced = c.Priced, Rejected = c.Rejected, Adjustments = c.Adjustments, Failed = c.Failed,
        FailureReason = c.FailureReason, CompletedAt = c.CompletedAt,
    };
}
