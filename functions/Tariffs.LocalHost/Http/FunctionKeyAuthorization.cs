using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;

namespace Tariffs.LocalHost.Http;

/// <summary>
/// The local counterpart of Azure's function keys and App Service authentication. A request's key (header
/// <c>x-functions-key</c> or query <c>code</c>, as in Azure) is looked up among the <see cref="LocalApiKeys"/>; a
/// match becomes a <see cref="ClientPrincipal"/> with the key's roles and scopes, passed to the function in the
/// <see cref="ClientPrincipal.HeaderName"/> header, as App Service authentication does in Azure — a header sent by
/// the client is always removed first. A route whose trigger is not <see cref="AuthorizationLevel.Anonymous"/>
/// answers 401 without a valid key (fail closed when no key is configured); the roles are then checked by the
/// function itself (<see cref="AccessAuthorizer"/>).
/// </summary>
public static class FunctionKeyAuthorization
{
    /// <summary>Configuration key of the local development key, which holds every role.</summary>
    public const string Setting = "LocalHost:FunctionKey";

    /// <summary>Header carrying a function key, as in Azure.</summary>
    public const string Header = "x-functions-key";

    /// <summary>Wraps a handler: strips a client-sent principal, maps a valid key to its principal, refuses keyless calls to keyed routes.</summary>
    public static RequestDelegate Require(AuthorizationLevel level, IReadOnlyList<LocalApiKey> keys, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(next);
        return context =>
        {
            context.Request.Headers.Remove(ClientPrincipal.HeaderName);
            var given = context.Request.Headers[Header].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
            var match = given is null ? null : keys.FirstOrDefault(k => Same(given, k.Key));
            if (match is not null)
                context.Request.Headers[ClientPrincipal.HeaderName] =
                    new ClientPrincipal(match.Name, match.Roles.ToHashSet(StringComparer.Ordinal)) { Scopes = match.Scopes }.Encode();
            if (level == AuthorizationLevel.Anonymous || match is not null)
                return next(context);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsJsonAsync(
                Problem.Details(StatusCodes.Status401Unauthorized, "Unauthorized", $"This route needs a function key (header '{Header}')."),
                (System.Text.Json.JsonSerializerOptions?)null, Problem.ContentType);
        };
    }

    private static bool Same(string given, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
}
