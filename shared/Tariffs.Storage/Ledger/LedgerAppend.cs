namespace Tariffs.Storage.Ledger;

/// <summary>
/// What appending priced lines did: the rows inserted, and the lines that were in the ledger already (a chunk
/// delivered again), read back with their adjustments, left as they were stored.
/// </summary>
public sealed record LedgerAppend(int RowsInserted, IReadOnlyList<LedgerEntry> AlreadyStored);
