using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Tariffs.Functions;

namespace Tariffs.LocalHost.Hosting;

/// <summary>Finds the isolated-worker functions of an assembly by reflection, as the Functions SDK's indexer does.</summary>
public static class FunctionCatalog
{
    /// <summary>The assembly of the isolated-worker app (Tariffs.Functions).</summary>
    public static Assembly FunctionsAssembly => typeof(TariffsFunctionsServiceCollectionExtensions).Assembly;

    /// <summary>
    /// Every public method carrying <see cref="FunctionAttribute"/> on a public, non-abstract class of
    /// <paramref name="assembly"/>, ordered by function name.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two functions share a name, or a function has two triggers.</exception>
    public static IReadOnlyList<FunctionMethod> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);

        var functions = new List<FunctionMethod>();
        foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var triggers = method.GetParameters()
                    .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<TriggerBindingAttribute>(inherit: true)))
                    .Where(p => p.Attribute is not null)
                    .ToList();
                if (triggers.Count > 1)
                {
                    throw new InvalidOperationException(
                        $"Function '{function.Name}' ({type.FullName}.{method.Name}) has more than one trigger parameter.");
                }

                var trigger = triggers.SingleOrDefault();
                functions.Add(new FunctionMethod(function.Name, method, trigger.Attribute, trigger.Parameter));
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Function name '{duplicate.Key}' is used by {string.Join(" and ", duplicate)}; function names must be unique.");
        }

        return functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }
}
