using System.Text.Json.Nodes;
using Json.Schema;
using Tariffs.Application.Catalog.UniversalService;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Contracts;

/// <summary>The samples are valid against the published JSON Schemas, and a schema refuses what its reader refuses.</summary>
public class SampleSchemaTests
{
    private static readonly string Root = RepositoryRoot.Find();

    private static JsonSchema Schema(string name) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "shared", "contracts", name)));

    private static JsonNode Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "samples", name)))!;

    private static EvaluationResults Evaluate(JsonSchema schema, JsonNode? instance) =>
        schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static void AssertValid(JsonSchema schema, JsonNode? instance)
    {
        var result = Evaluate(schema, instance);
        var problems = result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The instance fails the schema with an error at <paramref name="location"/> (a JSON Pointer).</summary>
    private static void AssertInvalidAt(JsonSchema schema, JsonNode? instance, string location)
    {
        var result = Evaluate(schema, instance);
        Assert.False(result.IsValid);
        Assert.Contains(result.Details, d => d.HasErrors && d.InstanceLocation.ToString() == location);
    }

    private static string[] SampleFiles(string pattern) => Directory.GetFiles(Path.Combine(Root, "samples", "catalogs"), pattern);

    [Fact]
    public void Sample_catalog_is_valid() => AssertValid(Schema("tariff-catalog.schema.json"), Sample("catalog-dunkerque-water.json"));

    [Fact]
    public void Every_sample_catalog_is_valid_against_the_schema_and_reads()
    {
        var schema = Schema("tariff-catalog.schema.json");
        var files = Directory.GetFiles(Path.Combine(Root, "samples", "catalogs"), "*.json")
            .Where(f => JsonNode.Parse(File.ReadAllText(f))!["tariffs"] is not null)
            .ToList();
        Assert.True(files.Count >= 7);
        foreach (var file in files)
        {
            AssertValid(schema, JsonNode.Parse(File.ReadAllText(file)));
            var read = Tariffs.Application.Catalog.CatalogDocumentReader.Read(File.ReadAllText(file));
            Assert.True(read.Catalog is not null, $"{Path.GetFileName(file)}: {string.Join("; ", read.Errors)}");
        }
    }

    [Fact]
    public void Every_sample_of_restriction_rules_is_valid_against_the_schema_and_reads()
    {
        var schema = Schema("restriction-rules.schema.json");
        var files = SampleFiles("restrictions-*.json");
        Assert.Equal(2, files.Length);
        foreach (var file in files)
        {
            AssertValid(schema, JsonNode.Parse(File.ReadAllText(file)));
            var (rules, errors) = UniversalServiceReader.ReadRestrictions(File.ReadAllText(file));
            Assert.True(rules is not null, $"{Path.GetFileName(file)}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void Every_sample_standards_scheme_is_valid_against_the_schema_and_reads()
    {
        var schema = Schema("guaranteed-standards.schema.json");
        var file = Assert.Single(SampleFiles("standards-*.json"));
        AssertValid(schema, JsonNode.Parse(File.ReadAllText(file)));
        var (scheme, errors) = UniversalServiceReader.ReadStandards(File.ReadAllText(file));
        Assert.True(scheme is not null, string.Join("; ", errors));
    }

    [Fact]
    public void Schema_and_reader_refuse_a_limited_verdict_without_its_limit()
    {
        var document = Sample("catalogs/restrictions-france.json");
        document["versions"]![0]!["rules"]![3]!.AsObject().Remove("limit"); // fr-energy-truce-reduction: allowedWithLimit

        AssertInvalidAt(Schema("restriction-rules.schema.json"), document, "/versions/0/rules/3");
        Assert.Contains("$.versions[0].rules[3].limit: required when the verdict is allowedWithLimit", UniversalServiceReader.ReadRestrictions(document.ToJsonString()).Errors);
    }

    [Fact]
    public void Schema_and_reader_refuse_a_further_amount_without_its_period()
    {
        var document = Sample("catalogs/standards-england-water.json");
        document["versions"]![0]!["standards"]![0]!.AsObject().Remove("furtherPeriodHours"); // supplyInterruption: £50 per further 24 hours

        AssertInvalidAt(Schema("guaranteed-standards.schema.json"), document, "/versions/0/standards/0");
        Assert.Contains("$.versions[0].standards[0].furtherPeriodHours: furtherAmount and furtherPeriodHours go together", UniversalServiceReader.ReadStandards(document.ToJsonString()).Errors);
    }

    [Theory]
    [InlineData("/takeUpTarget/versions/0/rate", 1.5, "$.takeUpTarget.versions[0].rate: a share of eligible households")]
    [InlineData("/areas/0/code", "*", "$.areas[0].code: '*' is reserved")]
    [InlineData("/authorityNames/FR", "Dunkerque", "$.authorityNames.FR: a language tag")]
    public void Schema_and_reader_refuse_a_bad_display_name_or_take_up_target(string pointer, object value, string readerError)
    {
        var document = Sample("catalog-dunkerque-water.json");
        var steps = pointer[1..].Split('/');
        JsonNode parent = document;
        foreach (var step in steps[..^1])
            parent = int.TryParse(step, out var index) ? parent[index]! : parent[step]!;
        parent[steps[^1]] = value is string text ? JsonValue.Create(text) : JsonValue.Create((double)value);

        var schema = Schema("tariff-catalog.schema.json");
        Assert.False(Evaluate(schema, document).IsValid);
        Assert.Contains(Tariffs.Application.Catalog.CatalogDocumentReader.Read(document.ToJsonString()).Errors, e => e.StartsWith(readerError, StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_batch_is_valid() => AssertValid(Schema("billing-batch.schema.json"), Sample("batch-dunkerque-2022.json"));

    [Fact]
    public void Every_sample_flag_is_valid()
    {
        var schema = Schema("eligibility-flag.schema.json");
        var flags = Sample("eligibility-flags.json").AsArray();
        Assert.NotEmpty(flags);
        foreach (var flag in flags)
            AssertValid(schema, flag);
    }

    [Fact]
    public void Schema_refuses_a_negative_consumption()
    {
        var batch = Sample("batch-dunkerque-2022.json");
        batch["lines"]![0]!["consumption"]!["quantity"] = -1;
        var result = Schema("billing-batch.schema.json").Evaluate(batch, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.False(result.IsValid);
    }

    public static TheoryData<string, string, string, JsonNode, JsonNode> Limits => new()
    {
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/batchId", new string('b', 64), new string('b', 65) },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/operator", new string('o', 64), "o\u0001" },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/lineNumber", int.MaxValue, 2_147_483_648L },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/householdId", new string('h', 64), new string('h', 65) },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/area", new string('a', 64), "*" },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/tariffCode", new string('T', 64), new string('T', 65) },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/persons", 99, 100 },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/consumption/quantity", 1_000_000_000m, 1_000_000_000.001m },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/billedAmount", -1_000_000_000m, -1_000_000_000.01m },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/period/from", "1900-01-01", "1899-12-31" },
        { "billing-batch.schema.json", "batch-dunkerque-2022.json", "/lines/0/period/to", "2199-12-31", "2200-01-01" },
        { "eligibility-flag.schema.json", "eligibility-flags.json", "/flagId", new string('f', 64), new string('f', 65) },
        { "eligibility-flag.schema.json", "eligibility-flags.json", "/evidenceReference", new string('e', 256), new string('e', 257) },
        { "eligibility-flag.schema.json", "eligibility-flags.json", "/facts/annualIncome", 1_000_000_000m, 1_000_000_000.01m },
        { "eligibility-flag.schema.json", "eligibility-flags.json", "/facts/persons", 99, 100 },
    };

    /// <summary>A schema accepts a value exactly at its input limit and refuses one past it, at that value's location.</summary>
    [Theory]
    [MemberData(nameof(Limits))]
    public void A_schema_accepts_each_limit_and_refuses_one_past_it(string schemaName, string sampleName, string pointer, JsonNode atLimit, JsonNode pastLimit)
    {
        var schema = Schema(schemaName);
        JsonNode With(JsonNode value)
        {
            var sample = Sample(sampleName) is JsonArray flags ? flags[0]!.DeepClone() : Sample(sampleName);
            var names = pointer.Trim('/').Split('/');
            var parent = names[..^1].Aggregate(sample, (node, name) => int.TryParse(name, out var i) ? node[i]! : node[name]!);
            parent[names[^1]] = value.DeepClone();
            return sample;
        }

        AssertValid(schema, With(atLimit));
        AssertInvalidAt(schema, With(pastLimit), pointer);
    }
}
