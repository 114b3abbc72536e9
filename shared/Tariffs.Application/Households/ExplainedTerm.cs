namespace Tariffs.Application.Households;

/// <summary>
/// One explanation term of an adjustment: the days it covers, the rule version and legal reference used, the formula
/// with its values (<see cref="Detail"/>) and the full-precision amount, so that a person can recompute it.
/// </summary>
public sealed record ExplainedTerm(string From, string To, string RuleVersion, string LegalReference, string Detail, decimal Amount);
