namespace Tariffs.Functions.Authorization;

/// <summary>
/// Who is calling, read once per request by <see cref="AccessAuthorizer"/>: an id for the access log (the key name
/// locally, the principal's object or client id in Azure), its roles and its <see cref="CallerScopes"/>. Each
/// question below needs the role and the scope together.
/// </summary>
public sealed record Caller(string Id, IReadOnlySet<string> Roles, CallerScopes Scopes)
{
    /// <summary>True when the caller holds one of <paramref name="roles"/>.</summary>
    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>An operator identity bound to <paramref name="operatorId"/>.</summary>
    public bool ActsForOperator(string? operatorId) =>
        Roles.Contains(TariffsRoles.Operator) && CallerScopes.Holds(Scopes.Operators, operatorId);

    /// <summary>A regulator of <paramref name="authority"/>.</summary>
    public bool RegulatesAuthority(string? authority) =>
        Roles.Contains(TariffsRoles.Regulator) && CallerScopes.Holds(Scopes.Authorities, authority);

    /// <summary>A regulator of <paramref name="jurisdiction"/> (jurisdiction-level documents: restriction rules, standards).</summary>
    public bool RegulatesJurisdiction(string? jurisdiction) =>
        Roles.Contains(TariffsRoles.Regulator) && CallerScopes.Holds(Scopes.Jurisdictions, jurisdiction);

    /// <summary>A social-services identity of <paramref name="agency"/>.</summary>
    public bool SpeaksForAgency(string? agency) =>
        Roles.Contains(TariffsRoles.SocialServices) && CallerScopes.Holds(Scopes.Agencies, agency);

    /// <summary>A social-services identity of <paramref name="agency"/> that decides <paramref name="program"/> (every program when it lists none).</summary>
    public bool DecidesFor(string? agency, string? program) =>
        SpeaksForAgency(agency) && (Scopes.Programs.Count == 0 || CallerScopes.Holds(Scopes.Programs, program));
}
