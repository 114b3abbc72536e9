using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Batches;

/// <summary>
/// One processed chunk of a batch (table <c>batches</c>, PartitionKey = batch id, RowKey = <c>chunk|NNNNNN</c>).
/// Written when the chunk is done, or has failed for good (its lines not processed counted as rejected); a reprocessed chunk writes the same row again, so counts never double.
/// </summary>
public sealed class ChunkEntity : StorageEntity
{
    public int Chunk { get; set; }
    public int Lines { get; set; }
    public int Priced { get; set; }
    public int Rejected { get; set; }
    public int Adjustments { get; set; }

    /// <summary>Lines not processed because the chunk failed (counted in <see cref="Rejected"/> too); 0 for a chunk that did not fail.</summary>
    public int Failed { get; set; }

    /// <summary>Why the chunk failed (its last error), or empty.</summary>
    public string FailureReason { get; set; } = "";
    public DateTimeOffset CompletedAt { get; set; }
}
