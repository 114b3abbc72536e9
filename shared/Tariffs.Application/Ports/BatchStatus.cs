using System.Globalization;

namespace Tariffs.Application.Ports;

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

    /// <summary>
    /// What a batch's record and the records of its chunks done add up to (chunks in number order: the first failed
    /// one gives <see cref="Failure"/>). The one definition every batch store uses.
    /// </summary>
    public static BatchStatus Of(string batchId, BatchRecord header, IEnumerable<ChunkRecord> chunks)
    {
        int done = 0, priced = 0, rejected = 0, adjustments = 0, chunksFailed = 0, linesFailed = 0;
        string? failure = null;
        foreach (var chunk in chunks)
        {
            done++;
            priced += chunk.Priced;
            rejected += chunk.Rejected;
            adjustments += chunk.Adjustments;
            if (chunk.FailureReason.Length > 0)
            {
                chunksFailed++;
                linesFailed += chunk.Failed;
                failure ??= $"chunk|{chunk.Chunk.ToString("D6", CultureInfo.InvariantCulture)}: {chunk.FailureReason}";
            }
        }
        var state = header.Refusal.Length > 0 ? Refused
            : done < header.Chunks ? Processing
            : chunksFailed > 0 ? CompletedWithFailures
            : Completed;
        return new BatchStatus(batchId, state, header.Operator, header.Authority, header.Service, header.Lines, header.Chunks, done,
            priced, rejected, adjustments, header.Refusal.Length > 0 ? header.Refusal : null, header.ReceivedAt)
        {
            ChunksFailed = chunksFailed,
            LinesFailed = linesFailed,
            Failure = failure,
        };
    }
}
