using System.Text.Json.Nodes;
using Json.Schema;
using Tariffs.Domain.Social;
using Tariffs.Functions.OpenApi;
using Tariffs.Testing;
using Tariffs.Testing.OpenApi;

namespace Tariffs.Functions.Tests.OpenApi;

/// <summary>
/// Every request body of the document is the JSON Schema of its contract in shared/contracts, embedded when served:
/// the samples the contracts accept are accepted through the document, a broken one is refused at the same place,
/// and the generated parts (an adjustment's steps) are the domain's.
/// </summary>
public class OpenApiRequestBodyTests
{
    private static readonly JsonNode Document = OpenApiFunctions.Build();

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "/batches", "post", "#/components/schemas/BillingBatch" },
        { "/catalog", "put", "#/components/schemas/TariffCatalog" },
        { "/restrictions/rules", "put", "#/components/schemas/RestrictionRules" },
        { "/standards", "put", "#/components/schemas/GuaranteedStandards" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_request_body_refers_to_its_contract(string path, string method, string reference) =>
        Assert.Equal(reference, (string?)Document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);

    [Fact]
    public void The_eligibility_body_is_a_flag_or_a_revocation() =>
        Assert.Equal(["#/components/schemas/EligibilityFlag", "#/components/schemas/EligibilityRevocation"],
            Document["paths"]!["/eligibility"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["oneOf"]!.AsArray().Select(r => (string)r!["$ref"]!));

    [Theory]
    [InlineData("/batches", "post", "batch-dunkerque-2022.json")]
    [InlineData("/catalog", "put", "catalog-dunkerque-water.json")]
    [InlineData("/restrictions/rules", "put", "catalogs/restrictions-france.json")]
    [InlineData("/standards", "put", "catalogs/standards-england-water.json")]
    public void A_sample_the_contract_accepts_is_accepted_by_the_document(string path, string method, string sample)
    {
        var result = Evaluate(path, method, Sample(sample));

        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void A_batch_line_the_contract_refuses_is_refused_by_the_document_at_that_line()
    {
        var batch = Sample("batch-dunkerque-2022.json");
        batch["lines"]![0]!["persons"] = 0;

        var result = Evaluate("/batches", "post", batch);

        Assert.False(result.IsValid);
        Assert.Contains(result.Details, d => d.Errors is { Count: > 0 } && d.InstanceLocation.ToString() == "/lines/0/persons");
    }

    [Fact]
    public void An_adjustment_step_is_one_of_the_domain_steps() =>
        Assert.Equal(Enum.GetNames<RuleStep>(),
            Document["components"]!["schemas"]!["ExplainedAdjustment"]!["properties"]!["step"]!["enum"]!.AsArray().Select(s => (string)s!));

    private static EvaluationResults Evaluate(string path, string method, JsonNode instance) =>
        new OpenApiContract(Document).Evaluate($"/paths/{path.Replace("/", "~1", StringComparison.Ordinal)}/{method}/requestBody/content/application~1json/schema", instance);

    private static JsonNode Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", name)))!;
}
