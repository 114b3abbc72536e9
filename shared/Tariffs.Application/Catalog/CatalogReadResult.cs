using Tariffs.Domain.Catalog;

namespace Tariffs.Application.Catalog;

/// <summary>Either a catalog or the list of problems that prevented reading it.</summary>
public sealed record CatalogReadResult(ServiceCatalog? Catalog, IReadOnlyList<string> Errors)
{
    public static CatalogReadResult Ok(ServiceCatalog catalog) => new(catalog, []);

    public static CatalogReadResult Failed(IReadOnlyList<string> errors) => new(null, errors);
}
