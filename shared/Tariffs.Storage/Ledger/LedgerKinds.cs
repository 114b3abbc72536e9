namespace Tariffs.Storage.Ledger;

/// <summary>Values of the <c>Kind</c> property that tells ledger rows apart.</summary>
public static class LedgerKinds
{
    public const string Line = "line";
    public const string Adjustment = "adjustment";
    public const string Outbox = "outbox";
}
