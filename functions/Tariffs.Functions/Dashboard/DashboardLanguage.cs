using Microsoft.Net.Http.Headers;

namespace Tariffs.Functions.Dashboard;

/// <summary>
/// The language of the dashboard: <c>?lang=</c> when it names a supported language; otherwise the first supported
/// language of <c>Accept-Language</c> by quality (a region is ignored: fr-BE is fr); otherwise English. A language is
/// supported when its text file (<c>dashboard.{language}.json</c>) is embedded.
/// </summary>
public static class DashboardLanguage
{
    /// <summary>The language when nothing else is asked for.</summary>
    public const string Default = "en";

    /// <summary>The supported languages, in the order of the page's switch.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "fr"];

    /// <summary>The language for a <c>lang</c> query value and an <c>Accept-Language</c> header (either may be absent).</summary>
    public static string Choose(string? query, string? acceptLanguage)
    {
        if (Primary(query) is { } asked && Supported.Contains(asked))
            return asked;
        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage?.Split(','), out var ranges))
            return Default;
        var preferred = ranges
            .Select((range, index) => (Language: Primary(range.Value.Value), Quality: range.Quality ?? 1.0, index))
            .Where(r => r.Quality > 0 && r.Language is not null && Supported.Contains(r.Language))
            .OrderByDescending(r => r.Quality).ThenBy(r => r.index)
            .FirstOrDefault();
        return preferred.Language ?? Default;
    }

    private static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? tag : tag[..dash]).Trim().ToLowerInvariant();
    }
}
