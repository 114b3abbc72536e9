using System.Reflection;
using Microsoft.Azure.WebJobs;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// Tells the WebJobs SDK which classes hold its functions: the trigger adapters of this assembly (public classes with a
/// <see cref="FunctionNameAttribute"/> method), and nothing else, instead of scanning every loaded assembly.
/// </summary>
public sealed class TriggerAdapterTypeLocator : ITypeLocator
{
    /// <summary>The adapter classes of the local host.</summary>
    public static IReadOnlyList<Type> AdapterTypes { get; } = typeof(TriggerAdapterTypeLocator).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.GetCustomAttribute<FunctionNameAttribute>() is not null))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <inheritdoc />
    public IReadOnlyList<Type> GetTypes() => AdapterTypes;
}
