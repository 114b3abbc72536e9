namespace Tariffs.Storage.Ledger;

/// <summary>
/// What appending priced lines did: the rows inserted, and the lines that were in the ledger already (a chunk
/// delivered again), left as they were stored — given as this delivery priced them (their keys are what counts;
/// <see cref="LedgerStore.ReadLinesAsync"/> reads what is stored).
/// </summary>
public sealed record LedgerAppend(int RowsInserted, IReadOnlyList<LineEntity> AlreadyStored);
