using Tariffs.Domain.Social;

namespace Tariffs.Domain.Catalog;

/// <summary>
/// Everything an authority publishes for one service: its standard tariffs and its social programs, in
/// catalog order (the order in which programs of the same step apply), and the uniform-tariff rule when the
/// authority applies one (null: lines are not checked for overcharges), and what the public reads of it: names and
/// the take-up target (<see cref="CatalogPresentation.None"/> when the document gives none).
/// </summary>
public sealed record ServiceCatalog(
    string Authority,
    string Service,
    IReadOnlyDictionary<string, Tariff> Tariffs,
    IReadOnlyList<SocialProgram> Programs,
    UniformTariff? Uniform = null,
    CatalogPresentation? Presentation = null)
{
    /// <summary>Names and take-up target; never null.</summary>
    public CatalogPresentation Presentation { get; } = Presentation ?? CatalogPresentation.None;

    /// <summary>The key identifying this catalog: authority and service.</summary>
    public CatalogKey Key => new(Authority, Service);
}
