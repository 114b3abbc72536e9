namespace Tariffs.Application.Ports;

/// <summary>
/// One processed chunk of a batch as <see cref="IBatches"/> keeps it: written when the chunk is done, or has failed for
/// good (its lines not processed counted as rejected); a reprocessed chunk is recorded again, so counts never double.
/// </summary>
public sealed class ChunkRecord
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
