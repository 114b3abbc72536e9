using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>
/// One rule of a jurisdiction on restricting supply: it matches a request for one of its services and actions,
/// for a dwelling of its residence kind, on a date inside its season (every day when null), for a household
/// meeting its condition (any when null); its verdict (with a limit for <see cref="RestrictionVerdict.AllowedWithLimit"/>)
/// and legal reference then decide. Rules are tried in order; the first match decides.
/// </summary>
public sealed record RestrictionRule(
    string Id,
    IReadOnlyCollection<string> Services,
    IReadOnlyCollection<RestrictionAction> Actions,
    Residence Residence,
    AnnualSeason? Season,
    HouseholdCondition? When,
    RestrictionVerdict Verdict,
    string? Limit,
    LegalReference Legal);
