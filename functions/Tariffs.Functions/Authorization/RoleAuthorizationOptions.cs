namespace Tariffs.Functions.Authorization;

/// <summary>Caller identity settings (configuration section <c>Tariffs:Authorization</c>).</summary>
public sealed class RoleAuthorizationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Tariffs:Authorization";

    /// <summary>
    /// Whether the <see cref="ClientPrincipal.HeaderName"/> header comes from something in front of the app that removes
    /// the one a client sends: App Service authentication in Azure (the Bicep sets this when it configures it), the local
    /// host's key check. False (the default): no caller has a role, and every role-checked route answers 401.
    /// </summary>
    public bool TrustPrincipalHeader { get; set; }

    /// <summary>
    /// Scopes by principal id (<see cref="ClientPrincipal.Id"/>: the Entra ID object id, else client id):
    /// <c>Tariffs:Authorization:Identities:&lt;id&gt;:Operators:0=op-a</c>. The roles come from the token's app roles;
    /// an identity missing here has no scope, so it is refused every object.
    /// </summary>
    public Dictionary<string, IdentityScopes> Identities { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
