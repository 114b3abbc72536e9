using System.Text.Json;

namespace Tariffs.Application.Json;

/// <summary>Reads string fields at the top level of a JSON object, before the document is validated as a whole.</summary>
public static class TopLevelFields
{
    /// <summary>
    /// The named fields' values (null where absent or not a string), in the order asked; null when the text is not a
    /// JSON object.
    /// </summary>
    public static string?[]? Read(string json, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            return names.Select(name =>
                root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null).ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
