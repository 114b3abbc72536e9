using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;

namespace Tariffs.Domain.Universal.Standards;

/// <summary>
/// The compensation owed for one incident (zero when the standard was met): the amount, the scheme and
/// version, the legal reference, and the terms that make it up (each with its formula and inputs).
/// </summary>
public sealed record CompensationDecision(
    ServiceIncident Incident,
    decimal Amount,
    Currency Currency,
    string SchemeId,
    string SchemeVersion,
    LegalReference Legal,
    IReadOnlyList<Explanation> Terms);
