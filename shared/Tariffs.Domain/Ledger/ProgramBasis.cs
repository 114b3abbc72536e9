namespace Tariffs.Domain.Ledger;

/// <summary>How a household was eligible for one program on a line: determined, flagged or both (never <see cref="EligibilityWays.None"/>).</summary>
public sealed record ProgramBasis(string ProgramId, EligibilityWays Ways);
