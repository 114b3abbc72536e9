using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Tariffs.Application.Json;

/// <summary>
/// A date is a JSON string of exactly ten characters, yyyy-MM-dd (a four-digit year, no sign): NodaTime's ISO pattern
/// alone reads "-0001-01-01" as a date in year 2. Written as yyyy-MM-dd.
/// </summary>
public sealed class StrictLocalDateConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("A date is a string yyyy-MM-dd.");
        var text = reader.GetString()!;
        if (text.Length != 10 || !char.IsAsciiDigit(text[0]) || LocalDatePattern.Iso.Parse(text) is not { Success: true } parsed)
            throw new JsonException("A date is a string yyyy-MM-dd (a four-digit year) that exists in the calendar.");
        return parsed.Value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
