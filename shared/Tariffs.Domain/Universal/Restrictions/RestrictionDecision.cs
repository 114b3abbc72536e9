using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>
/// The answer to a restriction request: the verdict, its limit when allowed with one, the rule that decided
/// (id, version, legal reference) and the reason in words.
/// </summary>
public sealed record RestrictionDecision(RestrictionVerdict Verdict, string? Limit, string RuleId, string RuleVersion, LegalReference Legal, string Reason);
