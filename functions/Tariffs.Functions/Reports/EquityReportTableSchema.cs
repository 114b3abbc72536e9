using System.Text.Json.Nodes;
using Tariffs.Domain.Reports;

namespace Tariffs.Functions.Reports;

/// <summary>
/// The data dictionary of the report CSV as a Frictionless Table Schema (specs.frictionlessdata.io/table-schema),
/// generated from <see cref="EquityCellFields.Published"/>: one field per column, in order, with its Table Schema type,
/// its constraints (required unless it may be withheld, closed lists, ranges), its unit, and its definition in English
/// (<c>description</c>) and in both languages (<c>descriptions</c>, keyed by language). An empty cell is a missing
/// value (withheld or undefined). The document also names the licence and the source, as a Data Package resource
/// would (<c>licenses</c>, <c>sources</c>).
/// </summary>
public static class EquityReportTableSchema
{
    /// <summary>The columns identifying a row.</summary>
    public static IReadOnlyList<string> PrimaryKey { get; } = ["period", "service", "authority", "area"];

    /// <summary>The schema, naming <paramref name="licences"/> and <paramref name="source"/>.</summary>
    public static JsonObject Build(IEnumerable<OpenDataLicence> licences, string source)
    {
        ArgumentNullException.ThrowIfNull(licences);
        var fields = new JsonArray();
        foreach (var field in EquityCellFields.Published)
            fields.Add(Field(field));
        return new JsonObject
        {
            ["title"] = "Equity report of the social tariffs",
            ["description"] = "One row per period, service, authority and area (area * = the authority's total); amounts in the row's currency; "
                + "figures of small groups are withheld (empty).",
            ["fields"] = fields,
            ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = new JsonArray(PrimaryKey.Select(k => (JsonNode?)k).ToArray()),
            ["licenses"] = new JsonArray(licences.Distinct().Select(l => (JsonNode?)new JsonObject { ["title"] = l.Name, ["path"] = l.Url }).ToArray()),
            ["sources"] = new JsonArray(new JsonObject { ["title"] = source }),
        };
    }

    private static JsonObject Field(CellField field)
    {
        var descriptor = new JsonObject
        {
            ["name"] = field.Name,
            ["type"] = TableSchemaType(field.Type),
            ["description"] = field.English,
            ["descriptions"] = new JsonObject { ["en"] = field.English, ["fr"] = field.French },
        };
        if (field.Format.Length > 0)
            descriptor["unit"] = field.Format;
        var constraints = new JsonObject();
        if (!field.Nullable)
            constraints["required"] = true;
        if (field.Values is { } values)
            constraints["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
        if (field.Type == CellFieldType.Count)
            constraints["minimum"] = 0;
        if (field.Type == CellFieldType.Ratio)
        {
            constraints["minimum"] = 0;
            constraints["maximum"] = 1;
        }
        if (constraints.Count > 0)
            descriptor["constraints"] = constraints;
        return descriptor;
    }

    /// <summary>The Table Schema type of a field's values (CSV text: booleans true/false, instants ISO 8601 in UTC).</summary>
    public static string TableSchemaType(CellFieldType type) => type switch
    {
        CellFieldType.Text => "string",
        CellFieldType.Flag => "boolean",
        CellFieldType.Count => "integer",
        CellFieldType.Amount or CellFieldType.Quantity or CellFieldType.Ratio or CellFieldType.AmountPerUnit => "number",
        CellFieldType.Timestamp => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
