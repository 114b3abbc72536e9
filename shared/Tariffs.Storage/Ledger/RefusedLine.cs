using Tariffs.Domain.Ledger;

namespace Tariffs.Storage.Ledger;

/// <summary>A priced line the ledger could not hold, and why.</summary>
public sealed record RefusedLine(LedgerLine Line, string Reason);
