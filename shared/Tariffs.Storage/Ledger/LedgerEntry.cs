namespace Tariffs.Storage.Ledger;

/// <summary>A stored line with every adjustment stored for it, in key order.</summary>
public sealed record LedgerEntry(string BatchId, LineEntity Line, IReadOnlyList<AdjustmentEntity> Adjustments);
