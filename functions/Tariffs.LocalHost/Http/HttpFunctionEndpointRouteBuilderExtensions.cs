using Microsoft.Azure.Functions.Worker;
using Tariffs.LocalHost.Configuration;
using Tariffs.LocalHost.Hosting;

namespace Tariffs.LocalHost.Http;

/// <summary>Maps the HTTP-triggered isolated-worker functions to ASP.NET Core endpoints.</summary>
public static class HttpFunctionEndpointRouteBuilderExtensions
{
    /// <summary>The default route prefix of the Functions host (<c>extensions:http:routePrefix</c> in host.json).</summary>
    public const string DefaultRoutePrefix = "api";

    /// <summary>
    /// Maps each function of <paramref name="functions"/> with an <see cref="HttpTriggerAttribute"/> to
    /// <c>/{routePrefix}/{Route}</c> (the function name when Route is not set) for its methods (all methods when none are
    /// listed). The route prefix is host.json's <c>extensions:http:routePrefix</c>, <c>api</c> by default.
    /// Routes that are not anonymous need a local key; a valid key reaches the function as a client principal with the
    /// key's roles (<see cref="FunctionKeyAuthorization"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionMethod> functions)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(functions);

        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger("Host.Http");
        var keys = LocalApiKeys.Read(configuration);
        var routePrefix = (configuration[$"{HostJsonConfigurationExtensions.RootSection}:extensions:http:routePrefix"] ?? DefaultRoutePrefix).Trim('/');

        foreach (var function in functions)
        {
            if (function.Trigger is not HttpTriggerAttribute trigger)
            {
                continue;
            }

            var route = (trigger.Route ?? function.Name).Trim('/');
            var pattern = "/" + string.Join('/', new[] { routePrefix, route }.Where(s => s.Length > 0));
            var methods = (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).ToArray();
            var invoker = new HttpFunctionInvoker(function, loggerFactory);
            var handler = FunctionKeyAuthorization.Require(trigger.AuthLevel, keys, invoker.InvokeAsync);

            var endpoint = methods.Length == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern, methods, handler);
            endpoint.WithName(function.Name).WithDisplayName("Functions." + function.Name);

            logger.LogInformation("HTTP function {FunctionName}: [{Methods}] {Pattern}",
                function.Name, methods.Length == 0 ? "ALL" : string.Join(",", methods), pattern);
        }

        return endpoints;
    }
}
