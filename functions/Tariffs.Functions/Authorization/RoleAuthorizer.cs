using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Tariffs.Functions.Authorization;

/// <summary>
/// The role check the HTTP functions run after the host's function-key check, the same in both hosts: it reads the
/// <see cref="ClientPrincipal"/> from the <see cref="ClientPrincipal.HeaderName"/> header — set by App Service
/// authentication in Azure (which strips a client-supplied one), and by the local host from its API-key → roles
/// mapping — and answers 401 without a readable principal, 403 when it holds none of the roles the route allows.
/// The header is read only when <see cref="RoleAuthorizationOptions.TrustPrincipalHeader"/> says something in front of
/// the app sets it: without App Service authentication a client could send it, so every role-checked route answers 401.
/// </summary>
public sealed class RoleAuthorizer(IOptions<RoleAuthorizationOptions> options)
{
    private readonly bool trustPrincipalHeader = options.Value.TrustPrincipalHeader;

    /// <summary>Null when the caller holds one of <paramref name="roles"/>; otherwise the 401 or 403 result to return.</summary>
    public IActionResult? Deny(HttpRequest request, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!trustPrincipalHeader)
            return Unauthorized("This deployment accepts no caller identity (App Service authentication is not configured).");
        var principal = ClientPrincipal.Decode(request.Headers[ClientPrincipal.HeaderName].FirstOrDefault());
        if (principal is null)
            return Unauthorized("This route needs an authenticated caller (a key or identity with a role).");
        if (!principal.IsInAnyRole(roles))
            return new ObjectResult(new { error = $"This route is for the role(s): {string.Join(", ", roles)}." })
            {
                StatusCode = StatusCodes.Status403Forbidden,
            };
        return null;
    }

    private static ObjectResult Unauthorized(string error) =>
        new(new { error }) { StatusCode = StatusCodes.Status401Unauthorized };
}
