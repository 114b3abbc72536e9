using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// The column <see cref="LineEntity.Details"/> of a line row: every column of the line that no query filters on, packed
/// into one JSON object (<c>{"Operator":"op","Currency":"EUR","BilledMinor":13760,…}</c>), property names and values as
/// the columns' (Int64 and Int32 as numbers, Booleans as <c>true</c>, <see cref="LineEntity.PricedAt"/> as an ISO 8601
/// string), defaults left out as they are from columns. The columns queries filter on (<see cref="Separate"/>) stay
/// columns. Why: the store's work per entity grows with its property count (parsing and validating each one: on Azurite
/// a line row of 6 properties instead of 17–19 costs a fifth less of its CPU, benchmark <c>--mode rows</c>), and nothing
/// reads these columns but the decoder. A row stored before (every column apart) has no such column and reads the same.
/// </summary>
public static class LineDetails
{
    /// <summary>The columns of a line row kept apart: the ones queries filter on (<see cref="LedgerStore"/>).</summary>
    public static IReadOnlySet<string> Separate { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LineEntity.Kind, LineEntity.BatchId, LineEntity.Authority, LineEntity.Service, LineEntity.PeriodTo,
    };

    /// <summary>
    /// Only what JSON itself requires is escaped (quotes, backslashes, control characters): the text is stored, never
    /// put in a page, so an account id or a note in French reads as written and takes no more room than in its column.
    /// </summary>
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Columns packed with a type other than string: how each reads back.</summary>
    private static readonly Dictionary<string, Func<JsonElement, object>> Typed = new(StringComparer.Ordinal)
    {
        [LineEntity.BilledMinor] = v => v.GetInt64(),
        [LineEntity.StandardBillMinor] = v => v.GetInt64(),
        [LineEntity.OverchargeMinor] = v => v.GetInt64(),
        [LineEntity.AnnualIncomeMinor] = v => v.GetInt64(),
        [LineEntity.Persons] = v => v.GetInt32(),
        [LineEntity.MainResidence] = v => v.GetBoolean(),
        [LineEntity.Eligible] = v => v.GetBoolean(),
        [LineEntity.PricedAt] = v => v.GetDateTimeOffset(),
    };

    /// <summary>Moves every column of <paramref name="row"/> but the keys and <see cref="Separate"/> into <see cref="LineEntity.Details"/>.</summary>
    public static TableEntity Pack(TableEntity row)
    {
        var packed = row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp") && !Separate.Contains(k)).ToList();
        var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer, Writing))
        {
            json.WriteStartObject();
            foreach (var column in packed)
            {
                switch (row[column])
                {
                    case string s: json.WriteString(column, s); break;
                    case long l: json.WriteNumber(column, l); break;
                    case int i: json.WriteNumber(column, i); break;
                    case bool b: json.WriteBoolean(column, b); break;
                    case DateTimeOffset d: json.WriteString(column, d); break;
                    case var other: throw new ArgumentException($"Column {column}: a {other?.GetType().Name ?? "null"} cannot be packed.", nameof(row));
                }
                row.Remove(column);
            }
            json.WriteEndObject();
        }
        row[LineEntity.Details] = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return row;
    }

    /// <summary>
    /// Puts the columns packed in <paramref name="row"/>'s <see cref="LineEntity.Details"/> back as columns, typed as they
    /// were written, so the row reads as one stored with every column apart; a row without it is left as it is.
    /// Throws <see cref="JsonException"/> or <see cref="InvalidDataException"/> for details that are not such an object.
    /// </summary>
    public static void Unpack(TableEntity row)
    {
        if (row.GetString(LineEntity.Details) is not { Length: > 0 } details)
            return;
        using var document = JsonDocument.Parse(details);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"Ledger row {row.PartitionKey}/{row.RowKey}: its details are not a JSON object.");
        foreach (var property in document.RootElement.EnumerateObject())
        {
            row[property.Name] = Typed.TryGetValue(property.Name, out var read) ? read(property.Value)
                : property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!
                : throw new InvalidDataException($"Ledger row {row.PartitionKey}/{row.RowKey}: detail {property.Name} is not a string.");
        }
        row.Remove(LineEntity.Details);
    }
}
