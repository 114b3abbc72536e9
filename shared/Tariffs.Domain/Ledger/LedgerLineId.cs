namespace Tariffs.Domain.Ledger;

/// <summary>A billed line's identity: the household billed, the batch it came in and its number there.</summary>
public readonly record struct LedgerLineId(string HouseholdId, string BatchId, int LineNumber);
