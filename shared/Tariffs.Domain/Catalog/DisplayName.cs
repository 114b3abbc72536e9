namespace Tariffs.Domain.Catalog;

/// <summary>
/// What the public reads instead of a code (an authority, a service, an area): one name per language, keyed by its
/// lower-case language tag ("fr", "en"). A language without a name falls back to English, then to no name at all
/// (the reader shows the code).
/// </summary>
public sealed class DisplayName
{
    private readonly Dictionary<string, string> names;

    /// <summary>Creates the names; throws when there is none, or a language tag or name is blank.</summary>
    public DisplayName(IReadOnlyDictionary<string, string> byLanguage)
    {
        ArgumentNullException.ThrowIfNull(byLanguage);
        if (byLanguage.Count == 0)
            throw new ArgumentException("A display name needs at least one language.", nameof(byLanguage));
        if (byLanguage.Any(n => string.IsNullOrWhiteSpace(n.Key) || string.IsNullOrWhiteSpace(n.Value)))
            throw new ArgumentException("A display name has a language tag and a name in that language.", nameof(byLanguage));
        names = byLanguage.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
    }

    /// <summary>The names by language tag.</summary>
    public IReadOnlyDictionary<string, string> ByLanguage => names;

    /// <summary>The name in <paramref name="language"/>, else in English, else null.</summary>
    public string? In(string language) =>
        names.TryGetValue(language, out var name) || names.TryGetValue("en", out name) ? name : null;
}
