using System.Text.Json;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Intake;

/// <summary>
/// What a line number is, for the batch scanner (which refuses a batch whose numbers repeat) and the line validator
/// (which keys a refused line by its number) alike: the line's top-level property named exactly <c>lineNumber</c>,
/// given once, whose value is a JSON number that is a whole Int32 of 1 or more — as the strict deserializer reads it
/// (<c>"1"</c>, <c>LineNumber</c> or <c>1.0</c> are not line numbers).
/// </summary>
public static class LineNumberReader
{
    /// <summary>The line number of one line element (its UTF-8 bytes), or null when it has none.</summary>
    public static int? Read(ReadOnlySpan<byte> element)
    {
        var reader = new Utf8JsonReader(element, new JsonReaderOptions { MaxDepth = InputLimits.MaxBatchDepth });
        int? found = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isLineNumber = reader.ValueTextEquals("lineNumber"u8);
                reader.Read();
                if (isLineNumber)
                {
                    if (found is not null || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number) || number < InputLimits.MinLineNumber)
                        return null;
                    found = number;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null; // the line is unreadable: the validator refuses it
        }
        return found;
    }
}
