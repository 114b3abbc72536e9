namespace Tariffs.Storage.Batches;

/// <summary>
/// Where a batch stands: lines received, chunks done out of the total, and lines priced, rejected and
/// adjustments written by the chunks done so far (priced + rejected = lines once every chunk is done).
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
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Refused = "refused";
}
