using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace Tariffs.Storage.Export;

/// <summary>
/// One table entity as one JSON object, in the Table service's own JSON format (OData, minimal metadata): strings,
/// booleans and 32-bit integers as plain JSON values; every other type as its documented text with a
/// <c>Name@odata.type</c> annotation (<c>Edm.Int64</c>, <c>Edm.Double</c>, <c>Edm.DateTime</c>, <c>Edm.Guid</c>,
/// <c>Edm.Binary</c>). <c>Timestamp</c> is written as the time the row was last stored, and ignored on reading: the
/// service sets it.
/// </summary>
public static class EntityJson
{
    private const string TypeSuffix = "@odata.type";

    /// <summary>Writes <paramref name="entity"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        if (entity.Timestamp is { } stored)
            writer.WriteString("Timestamp", stored.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
                continue;
            switch (value)
            {
                case string text: writer.WriteString(name, text); break;
                case bool flag: writer.WriteBoolean(name, flag); break;
                case int number: writer.WriteNumber(name, number); break;
                case long number: Typed(writer, name, "Edm.Int64", number.ToString(CultureInfo.InvariantCulture)); break;
                case double number: Typed(writer, name, "Edm.Double", number.ToString("R", CultureInfo.InvariantCulture)); break;
                case DateTimeOffset at: Typed(writer, name, "Edm.DateTime", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)); break;
                case DateTime at: Typed(writer, name, "Edm.DateTime", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)); break;
                case Guid id: Typed(writer, name, "Edm.Guid", id.ToString("D")); break;
                case byte[] bytes: Typed(writer, name, "Edm.Binary", Convert.ToBase64String(bytes)); break;
                case BinaryData data: Typed(writer, name, "Edm.Binary", Convert.ToBase64String(data.ToArray())); break;
                default: throw new NotSupportedException($"Property '{name}' of {entity.PartitionKey}/{entity.RowKey} has a type tables do not store: {value.GetType().Name}.");
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>The entity a JSON object written by <see cref="Write"/> describes; a malformed object throws <see cref="FormatException"/> saying why.</summary>
    public static TableEntity Read(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
            throw new FormatException("a row must be a JSON object");
        var entity = new TableEntity(Text(row, "PartitionKey"), Text(row, "RowKey"));
        foreach (var property in row.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
                continue;
            entity[name] = row.TryGetProperty(name + TypeSuffix, out var type)
                ? Typed(name, type.GetString(), property.Value)
                : property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.True or JsonValueKind.False => property.Value.GetBoolean(),
                    JsonValueKind.Number when property.Value.TryGetInt32(out var number) => number,
                    _ => throw new FormatException($"property '{name}': a {property.Value.ValueKind} needs an {TypeSuffix} annotation"),
                };
        }
        return entity;
    }

    private static void Typed(Utf8JsonWriter writer, string name, string type, string text)
    {
        writer.WriteString(name + TypeSuffix, type);
        writer.WriteString(name, text);
    }

    private static object Typed(string name, string? type, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return type switch
        {
            "Edm.String" => text,
            "Edm.Int32" => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
            "Edm.Int64" => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
            "Edm.Double" => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            "Edm.Boolean" => value.GetBoolean(),
            "Edm.DateTime" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            "Edm.Guid" => Guid.Parse(text),
            "Edm.Binary" => Convert.FromBase64String(text),
            _ => throw new FormatException($"property '{name}': unknown type '{type}'"),
        };
    }

    private static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"a row needs {name} as a string");
}
