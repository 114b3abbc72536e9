using Tariffs.Domain.Social;

namespace Tariffs.Domain.Corrections;

/// <summary>
/// An adjustment already stored in the ledger for a line — the original or an earlier correction — as the
/// pipeline reads it back: rule, program, step, amount (rounded), and the versions and legal references it
/// was computed under.
/// </summary>
public sealed record PostedAdjustment(string RuleId, string ProgramId, RuleStep Step, decimal Amount, string RuleVersions = "", string LegalReferences = "");
