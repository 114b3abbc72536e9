using System.Reflection;
using System.Text.Json.Nodes;

namespace Tariffs.Functions.OpenApi;

/// <summary>
/// The JSON Schemas of <c>shared/contracts</c> (embedded in this assembly) as OpenAPI components: each contract under
/// its component name, its <c>$defs</c> hoisted beside it as <c>{Name}{Def}</c> (e.g. <c>BillingBatchLine</c>) with
/// every reference rewritten, <c>$schema</c> and <c>$id</c> dropped (the document's dialect is the same 2020-12).
/// </summary>
public static class ContractSchemas
{
    /// <summary>Component name by contract file, for every contract a request body takes.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        ["BillingBatch"] = "billing-batch.schema.json",
        ["EligibilityFlag"] = "eligibility-flag.schema.json",
        ["EligibilityRevocation"] = "eligibility-revocation.schema.json",
        ["HouseholdFacts"] = "household-facts.schema.json",
        ["TariffCatalog"] = "tariff-catalog.schema.json",
        ["RestrictionRules"] = "restriction-rules.schema.json",
        ["GuaranteedStandards"] = "guaranteed-standards.schema.json",
    };

    /// <summary>The contract as shipped (embedded from <c>shared/contracts</c>).</summary>
    public static JsonObject Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Tariffs.Functions.OpenApi.Contracts.{file}")
            ?? throw new InvalidOperationException($"The contract {file} is not embedded.");
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException($"The contract {file} is empty.");
    }

    /// <summary>Puts every contract, and its hoisted definitions, into <paramref name="schemas"/> (components/schemas).</summary>
    public static void AddTo(JsonObject schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        foreach (var (name, file) in Files)
        {
            var contract = Read(file);
            contract.Remove("$schema");
            contract.Remove("$id");
            var definitions = contract["$defs"]?.AsObject();
            contract.Remove("$defs");
            Rewrite(contract, name);
            schemas[name] = contract;
            foreach (var (def, schema) in definitions ?? [])
            {
                var hoisted = schema!.DeepClone();
                Rewrite(hoisted, name);
                schemas[Hoisted(name, def)] = hoisted;
            }
        }
    }

    /// <summary>The component name of definition <paramref name="def"/> of contract <paramref name="name"/>.</summary>
    public static string Hoisted(string name, string def) => name + char.ToUpperInvariant(def[0]) + def[1..];

    /// <summary>Points each <c>#/$defs/x</c> reference under <paramref name="node"/> at its hoisted component.</summary>
    private static void Rewrite(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue reference && ((string?)reference)?.StartsWith("#/$defs/", StringComparison.Ordinal) == true)
                {
                    var target = ((string)reference!)["#/$defs/".Length..];
                    if (target.Contains('/', StringComparison.Ordinal))
                        throw new InvalidOperationException($"The contract {name} refers into a definition ({target}): hoisting does not handle that.");
                    o["$ref"] = $"#/components/schemas/{Hoisted(name, target)}";
                }
                foreach (var (_, child) in o.ToList())
                    Rewrite(child, name);
                break;
            case JsonArray a:
                foreach (var child in a)
                    Rewrite(child, name);
                break;
        }
    }
}
