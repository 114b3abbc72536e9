using System.Text.Json.Nodes;
using Tariffs.Domain.Reports;

namespace Tariffs.Functions.OpenApi;

/// <summary>
/// The OpenAPI schema of a report row, generated from <see cref="EquityCellFields.Published"/>: one property per
/// published field, in order, typed from its <see cref="CellFieldType"/> (nullable unless always shown), described in
/// English, every property required (a withheld value is null, never absent).
/// </summary>
public static class EquityReportRowSchema
{
    /// <summary>The name of the schema under <c>components/schemas</c>.</summary>
    public const string Name = "EquityReportRow";

    /// <summary>The schema.</summary>
    public static JsonObject Build()
    {
        var properties = new JsonObject();
        foreach (var field in EquityCellFields.Published)
        {
            var type = JsonType(field.Type);
            var property = new JsonObject { ["type"] = field.Nullable ? new JsonArray(type, "null") : type };
            if (field.Type == CellFieldType.Timestamp)
                property["format"] = "date-time";
            if (field.Values is { } values)
                property["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
            property["description"] = field.English;
            properties[field.Name] = property;
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "One cell of the equity report (docs/api.md, Equity report indicators); generated from the declared cell fields.",
            ["properties"] = properties,
            ["required"] = new JsonArray(EquityCellFields.Published.Select(f => (JsonNode?)f.Name).ToArray()),
        };
    }

    /// <summary>The JSON Schema type of a field's values.</summary>
    public static string JsonType(CellFieldType type) => type switch
    {
        CellFieldType.Text or CellFieldType.Timestamp => "string",
        CellFieldType.Flag => "boolean",
        CellFieldType.Count => "integer",
        CellFieldType.Amount or CellFieldType.Quantity or CellFieldType.Ratio or CellFieldType.AmountPerUnit => "number",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
