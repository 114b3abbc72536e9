namespace Tariffs.Application.Billing;

/// <summary>
/// What happened to one chunk of a batch: lines received, priced and rejected (priced + rejected = received),
/// and rows newly written to the ledger (zero on a redelivery).
/// </summary>
public sealed record BatchOutcome(
    string? BatchId,
    int LinesReceived,
    int LinesPriced,
    int LinesRejected,
    int AdjustmentsProduced,
    int LedgerRowsWritten);
