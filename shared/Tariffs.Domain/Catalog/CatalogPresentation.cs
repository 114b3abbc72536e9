using NodaTime;

namespace Tariffs.Domain.Catalog;

/// <summary>
/// How the public sees a catalog: display names of the authority, the service and the areas (each optional: a
/// reader shows the code without one), and the take-up target the authority set for its social tariff — the share
/// of eligible households it means to reach, dated and sourced like every other parameter (none when not set).
/// </summary>
public sealed record CatalogPresentation(
    DisplayName? AuthorityNames,
    DisplayName? ServiceNames,
    IReadOnlyList<CatalogArea> Areas,
    Timeline<decimal>? TakeUpTarget)
{
    /// <summary>No names and no target: every reader sees the codes.</summary>
    public static CatalogPresentation None { get; } = new(null, null, [], null);

    /// <summary>The named areas, no code twice.</summary>
    public IReadOnlyList<CatalogArea> Areas { get; } = Distinct(Areas);

    /// <summary>The name of the area <paramref name="code"/> in <paramref name="language"/> (see <see cref="DisplayName.In"/>), or null.</summary>
    public string? AreaName(string code, string language) =>
        Areas.FirstOrDefault(a => a.Code == code)?.Names.In(language);

    /// <summary>
    /// The take-up target for a period ending on <paramref name="end"/>: the version in force on its last day (a
    /// target adopted during a year is the one that year is measured against), or null when none was in force.
    /// </summary>
    public Dated<decimal>? TakeUpTargetFor(LocalDate end) => TakeUpTarget?.At(end);

    private static IReadOnlyList<CatalogArea> Distinct(IReadOnlyList<CatalogArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var twice = areas.GroupBy(a => a.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? areas : throw new ArgumentException($"Area '{twice.Key}' is named twice.", nameof(areas));
    }
}
