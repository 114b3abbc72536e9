namespace Tariffs.Application.Billing;

/// <summary>
/// What happened to one batch message: lines received, priced and rejected (priced + rejected = received),
/// rows newly written to the ledger (zero on a redelivery), and whether the whole batch was refused.
/// </summary>
public sealed record BatchOutcome(
    string? BatchId,
    int LinesReceived,
    int LinesPriced,
    int LinesRejected,
    int AdjustmentsProduced,
    int LedgerRowsWritten,
    string? BatchRejection)
{
    /// <summary>A batch refused as a whole (unreadable, no id, no catalog) with its reason.</summary>
    public static BatchOutcome Refused(string? batchId, int lines, string reason) => new(batchId, lines, 0, lines, 0, 0, reason);
}
