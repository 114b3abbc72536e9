using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Json;

/// <summary>
/// The JSON conventions of every message, document and HTTP body: camelCase names, NodaTime dates as ISO
/// strings (yyyy-MM-dd), enums as camelCase strings. Reading is strict: property names match exactly (case
/// included), numbers are JSON numbers (never strings such as <c>"1"</c>), a property given twice is refused, and a
/// date is exactly yyyy-MM-dd. <see cref="Strict"/> also refuses unknown members.
/// </summary>
public static class TariffsJson
{
    /// <summary>Options for inbound messages and HTTP bodies (unknown members are ignored).</summary>
    public static JsonSerializerOptions Options { get; } = Frozen(Apply(StrictReading(new JsonSerializerOptions(JsonSerializerDefaults.Web))));

    /// <summary>Options for catalog documents: an unknown member is an error as well (a typo must not pass).</summary>
    public static JsonSerializerOptions Strict { get; } = Frozen(Apply(StrictReading(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    })));

    /// <summary>Document options agreeing with <see cref="Options"/>: a property given twice is refused.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>Applies the conventions to options owned by a host (the worker's, ASP.NET Core's).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new StrictLocalDateConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    /// <summary>
    /// Deserializes inbound text: a leading byte-order mark is skipped, and text that is not valid Unicode (a lone
    /// surrogate) is a <see cref="JsonException"/> like any other unreadable input.
    /// </summary>
    public static T? Deserialize<T>(string json, JsonSerializerOptions? options = null)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(WithoutByteOrderMark(json), options ?? Options);
        }
        catch (ArgumentException e)
        {
            throw new JsonException("The text is not valid Unicode (it holds a lone surrogate).", e);
        }
    }

    /// <summary>The text without its leading UTF-8 byte-order mark (U+FEFF), if it has one.</summary>
    public static string WithoutByteOrderMark(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;

    /// <summary>
    /// Why a document could not be read, in one sentence: the reader's first sentence, or that a string is not valid
    /// Unicode (invalid UTF-8, a lone surrogate), which the reader reports as a failed conversion.
    /// </summary>
    public static string Reason(JsonException e) =>
        e.InnerException?.Message is { } inner && (inner.Contains("UTF-8", StringComparison.Ordinal) || inner.Contains("UTF-16", StringComparison.Ordinal))
            ? "not valid Unicode text (an invalid UTF-8 byte or a lone surrogate)."
            : $"{e.Message.Split(". ")[0].TrimEnd('.')}.";

    private static JsonSerializerOptions StrictReading(JsonSerializerOptions options)
    {
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = InputLimits.MaxDepth;
        return options;
    }

    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
