namespace Tariffs.Functions.Authorization;

/// <summary>
/// The object-level rules, in one place (docs/api.md, Authorisation): which objects a <see cref="Caller"/> may act
/// on or see. Pure: the function classes fetch the object's operator, authority or agency and ask here.
/// </summary>
public static class AccessRules
{
    /// <summary>POST /api/batches: the batch's <c>operator</c> must be one the caller acts for.</summary>
    public static AccessDecision PostBatch(Caller caller, string? operatorId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.ActsForOperator(operatorId)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"the batch's operator '{operatorId}' is not one this caller may act for");
    }

    /// <summary>GET /api/batches/{id}: the batch's operator, or a regulator of its authority.</summary>
    public static AccessDecision ReadBatch(Caller caller, string? operatorId, string? authority)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.ActsForOperator(operatorId) || caller.RegulatesAuthority(authority)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"the batch belongs to operator '{operatorId}' under authority '{authority}', neither in this caller's scope");
    }

    /// <summary>
    /// GET /api/households/{id}/explanation, per line: the operator that billed it, a regulator of its authority, or an
    /// agency that decided on the household (<paramref name="decidingAgencies"/>: the source agencies of its
    /// eligibility flags and revocations), which sees every line of the household.
    /// </summary>
    public static bool SeesLine(Caller caller, string operatorId, string authority, IReadOnlyCollection<string> decidingAgencies)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(decidingAgencies);
        return caller.ActsForOperator(operatorId) || caller.RegulatesAuthority(authority) || decidingAgencies.Any(caller.SpeaksForAgency);
    }

    /// <summary>
    /// POST /api/restrictions/check and /api/incidents/compensation for a household: an operator that billed it, a
    /// regulator of an authority it is billed under, or a regulator of the request's <paramref name="jurisdiction"/>
    /// (the restriction rules' jurisdiction, the standards scheme). A household billed by nobody in scope is refused,
    /// whether or not it exists.
    /// </summary>
    public static AccessDecision ActOnHousehold(Caller caller, IReadOnlyCollection<(string Operator, string Authority)> billedBy, string? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(billedBy);
        return billedBy.Any(b => caller.ActsForOperator(b.Operator) || caller.RegulatesAuthority(b.Authority)) || caller.RegulatesJurisdiction(jurisdiction)
            ? AccessDecision.Allow
            : AccessDecision.Deny("the household is not billed by an operator, nor under an authority or jurisdiction, in this caller's scope");
    }

    /// <summary>POST /api/households/{id}/facts: the statement's <c>sourceAgency</c> is the caller's (facts decide no program: the catalog's criteria do).</summary>
    public static AccessDecision PostFacts(Caller caller, string? sourceAgency)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.SpeaksForAgency(sourceAgency)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"the source agency '{sourceAgency}' is not this caller's agency");
    }

    /// <summary>POST /api/eligibility: the flag's <c>sourceAgency</c> is the caller's, and its program one the caller decides.</summary>
    public static AccessDecision PostEligibility(Caller caller, string? sourceAgency, string? program)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.SpeaksForAgency(sourceAgency))
            return AccessDecision.Deny($"the source agency '{sourceAgency}' is not this caller's agency");
        return caller.DecidesFor(sourceAgency, program)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"program '{program}' is not one this caller decides");
    }

    /// <summary>PUT /api/catalog: a regulator of the catalog's authority.</summary>
    public static AccessDecision PublishForAuthority(Caller caller, string? authority)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.RegulatesAuthority(authority)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"authority '{authority}' is not one this caller regulates");
    }

    /// <summary>
    /// /api/exports (an export, its state and its files): a regulator of every authority — an export holds the whole
    /// deployment, every authority's households — and of the request's <paramref name="authority"/> when one is named.
    /// </summary>
    public static AccessDecision TakeExport(Caller caller, string? authority)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (authority is not null && !caller.RegulatesAuthority(authority))
            return AccessDecision.Deny($"authority '{authority}' is not one this caller regulates");
        return caller.RegulatesAuthority(CallerScopes.Any)
            ? AccessDecision.Allow
            : AccessDecision.Deny("an export holds every authority's data: only a regulator of every authority takes one");
    }

    /// <summary>PUT /api/restrictions/rules and /api/standards (jurisdiction-level documents): a regulator of the jurisdiction.</summary>
    public static AccessDecision PublishForJurisdiction(Caller caller, string? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.RegulatesJurisdiction(jurisdiction)
            ? AccessDecision.Allow
            : AccessDecision.Deny($"jurisdiction '{jurisdiction}' is not one this caller regulates");
    }

    /// <summary>GET /api/reports/equity/unsuppressed: only the cells of authorities the caller regulates.</summary>
    public static bool SeesUnsuppressedCell(Caller caller, string authority)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.RegulatesAuthority(authority);
    }

    /// <summary>GET /api/access-log: entries of the caller's authorities, and entries that concern no authority.</summary>
    public static bool SeesLogEntry(Caller caller, IReadOnlyCollection<string> entryAuthorities)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(entryAuthorities);
        return caller.Roles.Contains(TariffsRoles.Regulator) && (entryAuthorities.Count == 0 || entryAuthorities.Any(caller.RegulatesAuthority));
    }
}
