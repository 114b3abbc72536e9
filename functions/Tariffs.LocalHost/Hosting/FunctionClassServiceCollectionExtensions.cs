using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tariffs.LocalHost.Hosting;

/// <summary>Registers the isolated-worker function classes themselves, as the worker does for each invocation.</summary>
public static class FunctionClassServiceCollectionExtensions
{
    /// <summary>
    /// Registers every class declaring one of <paramref name="functions"/> as a scoped service (one instance per
    /// invocation: per HTTP request, per queue message, per timer occurrence), unless already registered.
    /// </summary>
    public static IServiceCollection AddFunctionClasses(this IServiceCollection services, IEnumerable<FunctionMethod> functions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(functions);

        foreach (var type in functions.Select(f => f.FunctionClass).Distinct())
        {
            services.TryAddScoped(type);
        }

        return services;
    }
}
