using System.Text.Json.Nodes;
using Tariffs.Functions.OpenApi;

namespace Tariffs.Functions.Tests.OpenApi;

public class EquityReportRowSchemaTests
{
    /// <summary>docs/api.md's fields, in order, with the JSON type of each (nullable where a figure may be withheld).</summary>
    private static readonly (string Name, string Type)[] Documented =
    [
        ("period", "string"), ("periodKind", "string"), ("service", "string"), ("authority", "string"), ("area", "string"),
        ("currency", "string"), ("unit", "string"), ("suppressed", "boolean"), ("provisional", "boolean"),
        ("householdsBilled", "integer|null"), ("householdsEligible", "integer|null"), ("householdsReceived", "integer|null"),
        ("takeUpRate", "number|null"), ("householdsDetermined", "integer|null"), ("householdsFlagged", "integer|null"),
        ("householdsDeterminedNotReceived", "integer|null"), ("billedTotal", "number|null"), ("standardTotal", "number|null"), ("socialAdjustmentsTotal", "number|null"),
        ("paymentsTotal", "number|null"), ("compensationTotal", "number|null"), ("averageBillBefore", "number|null"), ("averageBillAfter", "number|null"),
        ("quantityBilled", "number|null"), ("p109SocialCostPerM3", "number|null"), ("d102PriceOf120M3", "number|null"),
        ("householdsWithKnownIncome", "integer|null"), ("affordabilityShareBefore", "number|null"), ("affordabilityShareAfter", "number|null"),
        ("overchargeFindings", "integer|null"), ("overchargeTotal", "number|null"), ("blockedRestrictions", "integer|null"),
        ("suppression", "string|null"), ("computedAt", "string"),
    ];

    [Fact]
    public void The_served_row_schema_lists_exactly_the_documented_fields_with_their_types_all_required()
    {
        var document = OpenApiFunctions.Build();
        var schema = document["components"]!["schemas"]![EquityReportRowSchema.Name]!;
        var properties = schema["properties"]!.AsObject();

        Assert.Equal(Documented, properties.Select(p => (p.Key, TypeOf(p.Value!))));
        Assert.Equal(Documented.Select(d => d.Name), schema["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("date-time", (string)properties["computedAt"]!["format"]!);
        Assert.Equal(["year", "quarter", "month"], properties["periodKind"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.All(properties, p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["description"])));
    }

    [Fact]
    public void Every_reference_to_the_row_schema_resolves()
    {
        var text = OpenApiFunctions.Build().ToJsonString();

        Assert.Contains("\"$ref\":\"#/components/schemas/EquityReportRow\"", text, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(text)!["components"]!["schemas"]!["EquityReportRow"]!["properties"]);
    }

    private static string TypeOf(JsonNode property) => property["type"] switch
    {
        JsonArray types => string.Join('|', types.Select(t => (string)t!)),
        var type => (string)type!,
    };
}
