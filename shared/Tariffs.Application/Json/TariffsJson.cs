using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Tariffs.Application.Json;

/// <summary>
/// The JSON conventions of every message, document and HTTP body: camelCase names, NodaTime dates as ISO
/// strings (yyyy-MM-dd), enums as camelCase strings. <see cref="Strict"/> also refuses unknown members.
/// </summary>
public static class TariffsJson
{
    /// <summary>Lenient options for inbound messages and HTTP bodies (unknown members are ignored).</summary>
    public static JsonSerializerOptions Options { get; } = Frozen(Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    /// <summary>Strict options for catalog documents: an unknown member is an error (a typo must not pass).</summary>
    public static JsonSerializerOptions Strict { get; } = Frozen(Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    }));

    /// <summary>Applies the conventions to options owned by a host (the worker's, ASP.NET Core's).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
