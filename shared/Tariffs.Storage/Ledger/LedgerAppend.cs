namespace Tariffs.Storage.Ledger;

/// <summary>
/// What appending priced lines did: the rows inserted, the lines that were in the ledger already (a chunk
/// delivered again), left as they were stored — given as this delivery priced them (their keys are what counts;
/// <see cref="LedgerStore.ReadLinesAsync"/> reads what is stored) — and the lines that could not be stored, each with
/// why (its rows could not be built, or storage refused them): nothing of those is in the ledger.
/// </summary>
public sealed record LedgerAppend(int RowsInserted, IReadOnlyList<LineEntity> AlreadyStored, IReadOnlyList<RefusedLine> Refused);
