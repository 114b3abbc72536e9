using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tariffs.Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build infra/main.bicep --stdout</c> produces, with helpers that look
/// through the nested module deployments.
/// </summary>
public sealed partial class CompiledTemplate : IDisposable
{
    /// <summary>The Bicep entry point, relative to the repository root.</summary>
    public const string MainFile = "infra/main.bicep";

    private readonly JsonDocument? document;

    public CompiledTemplate()
    {
        Build = BicepCli.Run("build", MainFile, "--stdout");
        document = Build.ExitCode == 0 ? JsonDocument.Parse(Build.StandardOutput) : null;
    }

    /// <summary>The <c>bicep build</c> invocation.</summary>
    internal BicepResult Build { get; }

    /// <summary>The root (main.bicep) template.</summary>
    public JsonElement Root => document?.RootElement
        ?? throw new InvalidOperationException($"bicep build failed.\n{Build.Transcript}");

    /// <summary>Every resource in the root template and in every nested (module) template.</summary>
    public IEnumerable<JsonElement> Resources => ResourcesOf(Root);

    /// <summary>Resources of one ARM type, compared case-insensitively.</summary>
    public IEnumerable<JsonElement> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The module deployment whose nested template declares a resource of <paramref name="type"/>.</summary>
    public JsonElement ModuleDeclaring(string type) =>
        ResourcesOfType("Microsoft.Resources/deployments")
            .Single(d => ResourcesOf(d.GetProperty("properties").GetProperty("template"))
                .Any(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The value main.bicep passes to a module parameter, with a plain <c>[variables('name')]</c>
    /// reference resolved against the root template's variables.
    /// </summary>
    public JsonElement ModuleParameter(JsonElement deployment, string parameter)
    {
        var value = deployment.GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value");
        if (value.ValueKind == JsonValueKind.String
            && VariableReference().Match(value.GetString()!) is { Success: true } match)
        {
            return Root.GetProperty("variables").GetProperty(match.Groups[1].Value);
        }

        return value;
    }

    /// <summary>Every string value anywhere in the compiled template (property names excluded).</summary>
    public IEnumerable<string> AllStrings => StringsIn(Root);

    /// <summary>Values of every JSON property with this exact name, anywhere in the template.</summary>
    public IEnumerable<JsonElement> PropertiesNamed(string name) => PropertiesIn(Root, name);

    public void Dispose() => document?.Dispose();

    private static IEnumerable<JsonElement> ResourcesOf(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var items = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
        foreach (var resource in items)
        {
            yield return resource;
            if (resource.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsIn),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsIn(p.Value)),
        _ => [],
    };

    private static IEnumerable<JsonElement> PropertiesIn(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => PropertiesIn(e, name)),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == name ? PropertiesIn(p.Value, name).Prepend(p.Value) : PropertiesIn(p.Value, name)),
        _ => [],
    };

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
