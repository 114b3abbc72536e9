namespace Tariffs.Functions.Authorization;

/// <summary>Role check settings (configuration section <c>Tariffs:Authorization</c>).</summary>
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
}
