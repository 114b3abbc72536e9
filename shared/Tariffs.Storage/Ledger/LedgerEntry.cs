namespace Tariffs.Storage.Ledger;

/// <summary>A stored line with every adjustment stored for it, in key order.</summary>
public sealed record LedgerEntry(LineEntity Line, IReadOnlyList<AdjustmentEntity> Adjustments)
{
    /// <summary>The batch the line came in.</summary>
    public string BatchId => Line.BatchId;
}
