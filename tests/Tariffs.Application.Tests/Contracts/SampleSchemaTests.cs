using System.Text.Json.Nodes;
using Json.Schema;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Contracts;

/// <summary>The samples the run command loads are valid against the published JSON Schemas.</summary>
public class SampleSchemaTests
{
    private static readonly string Root = RepositoryRoot.Find();

    private static JsonSchema Schema(string name) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "shared", "contracts", name)));

    private static JsonNode Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "samples", name)))!;

    private static void AssertValid(JsonSchema schema, JsonNode? instance)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var problems = result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, problems));
    }

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
}
