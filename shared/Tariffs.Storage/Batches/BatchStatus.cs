namespace Tariffs.Storage.Batches;

/// <summary>
/// Where a batch stands: lines received, chunks done out of the total, and lines priced, rejected and
/// adjustments written by the chunks done so far (priced + rejected = lines once every chunk is done). A chunk that
/// failed for good counts as done: its lines not processed are counted as rejected and as failed
/// (<see cref="LinesFailed"/>), and the batch ends <see cref="CompletedWithFailures"/> instead of <see cref="Completed"/>.
/// </summary>
public sealed record BatchStatus(
    string BatchId,
    string State,
    string Operator,
    string Authority,
    string Service,
    int LinesReceived,
    int ChunksTotal,
    int ChunksDone,
    int LinesPriced,
    int LinesRejected,
    int AdjustmentsWritten,
    string? Refusal,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Chunks that failed for good (counted in <see cref="ChunksDone"/>).</summary>
    public int ChunksFailed { get; init; }

    /// <summary>Lines not processed because their chunk failed (counted in <see cref="LinesRejected"/>).</summary>
    public int LinesFailed { get; init; }

    /// <summary>Why the first failed chunk failed, or null.</summary>
    public string? Failure { get; init; }

    public const string Processing = "processing";
    public const string Completed = "completed";

    /// <summary>Every chunk is done but at least one failed for good: its lines are rejected "not processed".</summary>
    public const string CompletedWithFailures = "completedWithFailures";
    public const string Refused = "refused";
}
