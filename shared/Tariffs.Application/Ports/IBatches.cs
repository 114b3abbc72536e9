
namespace Tariffs.Application.Ports;

/// <summary>
/// Received batches and the completion of their chunks, and the status they add up to (<see cref="BatchStatus.Of"/>).
/// A batch id (<see cref="BatchRecord.BatchId"/>) is one namespace across operators: its first record is kept, except
/// that an accepted batch replaces the record of a refused one. A chunk recorded again replaces its earlier record, so
/// counts never double. Implementations must pass the one contract suite (tests: <c>BatchesContract</c>).
/// </summary>
public interface IBatches
{
    /// <summary>Records a received batch (accepted or refused); a batch received again keeps its first record.</summary>
    Task SaveHeaderAsync(BatchRecord header, CancellationToken cancellationToken);

    /// <summary>
    /// Records an accepted batch unless its id is taken: null when <paramref name="header"/> is now the batch's record,
    /// else the record holding the id. The record of a refused batch holds no id: an accepted batch replaces it.
    /// </summary>
    Task<BatchRecord?> ClaimAsync(BatchRecord header, CancellationToken cancellationToken);

    /// <summary>Records that every chunk of a batch was queued (or priced inline).</summary>
    Task MarkSplitAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Records that a chunk is done, replacing an earlier record of the same chunk.</summary>
    Task SaveChunkAsync(string batchId, ChunkRecord chunk, CancellationToken cancellationToken);

    /// <summary>The batch's status, or null when no batch has that id.</summary>
    Task<BatchStatus?> GetStatusAsync(string batchId, CancellationToken cancellationToken);
}
