using System.Text.Json.Nodes;
using Json.Schema;
using Tariffs.Application.Reports;
using Tariffs.Functions.Reports;

namespace Tariffs.Functions.Tests.Reports;

/// <summary>
/// The data dictionary of the report CSV is a valid Frictionless Table Schema (against the specification's own JSON
/// Schema, Reports/table-schema.json) and describes exactly the CSV's columns, in both languages.
/// </summary>
public sealed class EquityReportTableSchemaTests
{
    private static readonly JsonSchema Profile = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "table-schema.json")));
    private static readonly OpenDataLicence Etalab = new OpenDataOptions().LicenceOf("any");

    private static JsonObject Dictionary() => EquityReportTableSchema.Build([Etalab], "Tariffs");

    private static EvaluationResults Evaluate(JsonNode instance) =>
        Profile.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void The_dictionary_is_valid_against_the_table_schema_specification()
    {
        var result = Evaluate(Dictionary());

        var problems = result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_specification_schema_refuses_an_unknown_type_or_a_field_without_name()
    {
        var unknownType = Dictionary();
        unknownType["fields"]![0]!["type"] = "money";
        var nameless = Dictionary();
        nameless["fields"]![1]!.AsObject().Remove("name");

        Assert.False(Evaluate(unknownType).IsValid);
        Assert.False(Evaluate(nameless).IsValid);
    }

    [Fact]
    public void Fields_are_the_csv_columns_in_order_defined_in_english_and_french()
    {
        var fields = Dictionary()["fields"]!.AsArray().Select(f => f!.AsObject()).ToList();

        Assert.Equal(EquityReportCsv.ColumnNames, fields.Select(f => (string)f["name"]!));
        Assert.All(fields, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)f["descriptions"]!["en"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)f["descriptions"]!["fr"]));
            Assert.NotEqual((string?)f["descriptions"]!["en"], (string?)f["descriptions"]!["fr"]);
        });
    }

    [Fact]
    public void Types_units_and_constraints_follow_the_declared_fields()
    {
        var fields = Dictionary()["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!.AsObject());

        Assert.Equal("integer", (string)fields["householdsBilled"]["type"]!);
        Assert.Equal(0, (int)fields["householdsBilled"]["constraints"]!["minimum"]!);
        Assert.Null(fields["householdsBilled"]["constraints"]!["required"]); // withheld in small cells
        Assert.Equal("number", (string)fields["takeUpRate"]["type"]!);
        Assert.Equal(1, (int)fields["takeUpRate"]["constraints"]!["maximum"]!);
        Assert.Equal("number", (string)fields["socialAdjustmentsTotal"]["type"]!);
        Assert.Equal("major unit of currency, its decimals", (string)fields["socialAdjustmentsTotal"]["unit"]!);
        Assert.Equal("boolean", (string)fields["suppressed"]["type"]!);
        Assert.True((bool)fields["period"]["constraints"]!["required"]!);
        Assert.Equal(["year", "quarter", "month"], fields["periodKind"]["constraints"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("datetime", (string)fields["computedAt"]["type"]!);
    }

    [Fact]
    public void The_dictionary_names_the_licence_the_source_and_the_key()
    {
        var dictionary = Dictionary();

        Assert.Equal("Licence Ouverte / Etalab 2.0", (string)dictionary["licenses"]![0]!["title"]!);
        Assert.Equal("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", (string)dictionary["licenses"]![0]!["path"]!);
        Assert.Equal("Tariffs", (string)dictionary["sources"]![0]!["title"]!);
        Assert.Equal(["period", "service", "authority", "area"], dictionary["primaryKey"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([""], dictionary["missingValues"]!.AsArray().Select(v => (string)v!));
    }
}
