using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>
/// The restriction rules of a jurisdiction (France, England and Wales …), in dated versions: a request is
/// decided by the version in force on its date. The version's legal reference backs the default answer
/// (allowed) when no rule matches.
/// </summary>
public sealed record RestrictionRules(string Jurisdiction, Timeline<IReadOnlyList<RestrictionRule>> Versions);
