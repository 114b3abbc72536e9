using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Ports;

/// <summary>
/// What appending priced lines did: the rows inserted, the lines that were in the ledger already (a chunk delivered
/// again), left as they were stored — given as this delivery priced them (their ids are what counts; read them to see
/// what is stored) — and the lines storage refused, each with why: nothing of those is in the ledger.
/// </summary>
public sealed record LedgerAppend(int RowsInserted, IReadOnlyList<LedgerLine> AlreadyStored, IReadOnlyList<RefusedLine> Refused);
