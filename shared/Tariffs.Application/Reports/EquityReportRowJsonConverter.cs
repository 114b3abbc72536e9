using System.Text.Json;
using System.Text.Json.Serialization;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>
/// Writes a report row as a JSON object of its published fields, in order, nulls included; each value in its published
/// form (<see cref="EquityReportValue"/>, as in the CSV) written as the serializer writes its type. Rows are output only: reading one is not supported.
/// </summary>
public sealed class EquityReportRowJsonConverter : JsonConverter<EquityReportRow>
{
    /// <inheritdoc />
    public override EquityReportRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Report rows are output only.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EquityReportRow value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        for (var i = 0; i < EquityCellFields.Published.Count; i++)
        {
            writer.WritePropertyName(EquityCellFields.Published[i].Name);
            if (EquityReportValue.Published(value.Values[i]) is { } field)
                JsonSerializer.Serialize(writer, field, field.GetType(), options);
            else
                writer.WriteNullValue();
        }
        writer.WriteEndObject();
    }
}
