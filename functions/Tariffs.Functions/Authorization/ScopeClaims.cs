namespace Tariffs.Functions.Authorization;

/// <summary>
/// Claim types of a <see cref="ClientPrincipal"/> that carry <see cref="CallerScopes"/>: the local host writes them
/// for a key's scopes. In Azure the scopes come from configuration instead (<see cref="RoleAuthorizationOptions.Identities"/>).
/// </summary>
public static class ScopeClaims
{
    public const string Operator = "tariffs_operator";
    public const string Agency = "tariffs_agency";
    public const string Program = "tariffs_program";
    public const string Authority = "tariffs_authority";
    public const string Jurisdiction = "tariffs_jurisdiction";
}
