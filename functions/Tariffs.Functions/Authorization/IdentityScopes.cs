namespace Tariffs.Functions.Authorization;

/// <summary>
/// The scopes of one identity as configuration holds them (<c>Tariffs:Authorization:Identities:&lt;id&gt;</c>, and a
/// local host key's <c>Scopes</c>): lists of operator ids, agencies, programs, authorities and jurisdictions.
/// </summary>
public sealed class IdentityScopes
{
    public List<string> Operators { get; set; } = [];
    public List<string> Agencies { get; set; } = [];
    public List<string> Programs { get; set; } = [];
    public List<string> Authorities { get; set; } = [];
    public List<string> Jurisdictions { get; set; } = [];

    /// <summary>As <see cref="CallerScopes"/>.</summary>
    public CallerScopes ToScopes() => CallerScopes.From(Operators, Agencies, Programs, Authorities, Jurisdictions);
}
