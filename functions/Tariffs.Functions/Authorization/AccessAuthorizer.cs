using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Tariffs.Storage.AccessLog;

namespace Tariffs.Functions.Authorization;

/// <summary>
/// The authorisation step of every keyed HTTP function, the same in both hosts. It reads the <see cref="Caller"/>
/// once per request: the <see cref="ClientPrincipal"/> of the <see cref="ClientPrincipal.HeaderName"/> header — set by
/// App Service authentication in Azure (which strips a client-supplied one), and by the local host from its API key —
/// with its roles, and its scopes from the principal's scope claims (local keys) and from
/// <see cref="RoleAuthorizationOptions.Identities"/> (Azure). It answers 401 without a readable principal, 403 when
/// the caller holds none of the route's roles; the object checks are <see cref="AccessRules"/>. Every denial and every
/// read of household-level data is appended to the access log (<see cref="IAccessLogAppender"/>, the table <c>accesslog</c>) before the answer goes
/// out: a log that cannot be written fails the request.
/// The header is read only when <see cref="RoleAuthorizationOptions.TrustPrincipalHeader"/> says something in front of
/// the app sets it: without App Service authentication a client could send it, so every role-checked route answers 401.
/// </summary>
public sealed partial class AccessAuthorizer(
    IOptions<RoleAuthorizationOptions> options,
    IAccessLogAppender log,
    IClock clock,
    ILogger<AccessAuthorizer> logger)
{
    private static readonly object CallerItem = new();
    private readonly RoleAuthorizationOptions settings = options.Value;

    /// <summary>The caller when it holds one of <paramref name="roles"/>; otherwise the 401 or 403 (logged) to return.</summary>
    public async Task<Access> AuthenticateAsync(HttpRequest request, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!settings.TrustPrincipalHeader)
            return await DeniedAsync(request, null, StatusCodes.Status401Unauthorized,
                "This deployment accepts no caller identity (App Service authentication is not configured).").ConfigureAwait(false);
        var caller = CallerOf(request);
        if (caller is null)
            return await DeniedAsync(request, null, StatusCodes.Status401Unauthorized,
                "This route needs an authenticated caller (a key or identity with a role).").ConfigureAwait(false);
        if (!caller.IsInAnyRole(roles))
            return await DeniedAsync(request, caller, StatusCodes.Status403Forbidden,
                $"This route is for the role(s): {string.Join(", ", roles)}.").ConfigureAwait(false);
        return new Access(caller, null);
    }

    /// <summary>Logs a denied object and answers 403 (problem details).</summary>
    public async Task<IActionResult> ForbidAsync(HttpRequest request, Caller caller, string target, string reason, IEnumerable<string> authorities, CancellationToken cancellationToken)
    {
        await AppendAsync(request, caller, target, StatusCodes.Status403Forbidden, reason, authorities, cancellationToken).ConfigureAwait(false);
        return Problem(StatusCodes.Status403Forbidden, "Forbidden", $"Not allowed: {reason}.");
    }

    /// <summary>
    /// Logs a denied object and answers <paramref name="notFound"/>, the answer for an object that does not exist: a
    /// caller with no right to an object does not learn that it exists.
    /// </summary>
    public async Task<IActionResult> HideAsync(HttpRequest request, Caller caller, string target, string reason, IEnumerable<string> authorities, IActionResult notFound, CancellationToken cancellationToken)
    {
        await AppendAsync(request, caller, target, StatusCodes.Status404NotFound, reason, authorities, cancellationToken).ConfigureAwait(false);
        return notFound;
    }

    /// <summary>Logs an allowed read of household-level data.</summary>
    public Task RecordReadAsync(HttpRequest request, Caller caller, string target, IEnumerable<string> authorities, CancellationToken cancellationToken) =>
        AppendAsync(request, caller, target, StatusCodes.Status200OK, "", authorities, cancellationToken);

    /// <summary>A problem-details result; <c>error</c> repeats the detail for clients of the older <c>{error}</c> shape.</summary>
    public static ObjectResult Problem(int status, string title, string detail)
    {
        var problem = Hosting.Problem.Details(status, title, detail);
        problem.Extensions["error"] = detail;
        return Hosting.Problem.Result(problem);
    }

    private Caller? CallerOf(HttpRequest request)
    {
        if (request.HttpContext.Items.TryGetValue(CallerItem, out var cached))
            return cached as Caller;
        var principal = ClientPrincipal.Decode(request.Headers[ClientPrincipal.HeaderName].FirstOrDefault());
        var caller = principal is null ? null : new Caller(
            principal.Id,
            principal.Roles,
            settings.Identities.TryGetValue(principal.Id, out var mapped) ? principal.Scopes.Union(mapped.ToScopes()) : principal.Scopes);
        request.HttpContext.Items[CallerItem] = caller;
        return caller;
    }

    private async Task<Access> DeniedAsync(HttpRequest request, Caller? caller, int status, string reason)
    {
        await AppendAsync(request, caller, "", status, reason, [], request.HttpContext.RequestAborted).ConfigureAwait(false);
        return new Access(null, Problem(status, status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden", reason));
    }

    private async Task AppendAsync(HttpRequest request, Caller? caller, string target, int status, string reason, IEnumerable<string> authorities, CancellationToken cancellationToken)
    {
        var allowed = status < StatusCodes.Status400BadRequest;
        if (!allowed)
            LogDenied(logger, caller?.Id ?? "(anonymous)", request.Method, request.Path.Value ?? "", target, reason);
        await log.AppendAsync(new AccessLogEntity
        {
            Caller = caller?.Id ?? "",
            Roles = caller is null ? "" : string.Join(",", caller.Roles.Order(StringComparer.Ordinal)),
            Method = request.Method,
            Route = request.Path.Value ?? "",
            Object = target,
            Outcome = allowed ? "allowed" : "denied",
            Status = status,
            Reason = reason,
            Authorities = AccessLogEntity.JoinAuthorities(authorities),
            At = clock.GetCurrentInstant().ToDateTimeOffset(),
        }, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied to {Caller}: {Method} {Route} {Target}: {Reason}")]
    private static partial void LogDenied(ILogger logger, string caller, string method, string route, string target, string reason);
}
