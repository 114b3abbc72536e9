using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Batches;

/// <summary>
/// One processed chunk of a batch (table <c>batches</c>, PartitionKey = batch id, RowKey = <c>chunk|NNNNNN</c>).
/// Written when the chunk is done; a reprocessed chunk writes the same row again, so counts never double.
/// </summary>
public sealed class ChunkEntity : StorageEntity
{
    public int Chunk { get; set; }
    public int Lines { get; set; }
    public int Priced { get; set; }
    public int Rejected { get; set; }
    public int Adjustments { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
}
