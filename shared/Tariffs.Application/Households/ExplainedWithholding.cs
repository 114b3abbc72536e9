namespace Tariffs.Application.Households;

/// <summary>
/// A difference withheld on a line: the rules, applied today with the household's stored eligibility, give
/// <see cref="Amount"/> more against the household for rule <see cref="RuleId"/> than the ledger holds, and program
/// <see cref="ProgramId"/> does not claw back, so it is not posted. <see cref="Reason"/> says so in words.
/// </summary>
public sealed record ExplainedWithholding(string RuleId, string ProgramId, decimal Amount, string Reason);
