using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Ports;

/// <summary>A priced line the ledger could not hold, and why.</summary>
public sealed record RefusedLine(LedgerLine Line, string Reason);
