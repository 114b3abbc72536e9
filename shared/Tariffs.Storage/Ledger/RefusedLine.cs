using Tariffs.Domain.Engine;

namespace Tariffs.Storage.Ledger;

/// <summary>A priced line the ledger could not hold, and why (its rows could not be built, or storage refused them).</summary>
public sealed record RefusedLine(LineOutcome Outcome, string Reason);
