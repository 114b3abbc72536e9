using Microsoft.Azure.Functions.Worker;

namespace Tariffs.LocalHost.Http;

/// <summary>
/// The local counterpart of Azure's function keys: a route whose trigger is not
/// <see cref="AuthorizationLevel.Anonymous"/> answers 401 unless the request carries the key configured as
/// <c>LocalHost:FunctionKey</c>, in the <c>x-functions-key</c> header or the <c>code</c> query parameter, as in
/// Azure. Without a configured key every such route is refused (fail closed).
/// </summary>
public static class FunctionKeyAuthorization
{
    /// <summary>Configuration key of the local function key.</summary>
    public const string Setting = "LocalHost:FunctionKey";

    /// <summary>Header carrying a function key, as in Azure.</summary>
    public const string Header = "x-functions-key";

    /// <summary>Wraps a handler so that it runs only for requests holding the key.</summary>
    public static RequestDelegate Require(AuthorizationLevel level, string? key, RequestDelegate next)
    {
        if (level == AuthorizationLevel.Anonymous)
            return next;
        return context =>
        {
            var given = context.Request.Headers[Header].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
            if (!string.IsNullOrEmpty(key) && given is not null
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(key)))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsJsonAsync(new { error = $"This route needs a function key (header '{Header}')." });
        };
    }
}
