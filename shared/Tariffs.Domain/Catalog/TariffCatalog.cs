namespace Tariffs.Domain.Catalog;

/// <summary>All service catalogs the engine knows, looked up by authority and service.</summary>
public sealed class TariffCatalog(IEnumerable<ServiceCatalog> catalogs)
{
    private readonly Dictionary<CatalogKey, ServiceCatalog> byKey = catalogs.ToDictionary(c => c.Key);

    /// <summary>The catalogs, in no particular order.</summary>
    public IEnumerable<ServiceCatalog> Catalogs => byKey.Values;

    /// <summary>The catalog of an authority for a service, or null.</summary>
    public ServiceCatalog? Find(string authority, string service) =>
        byKey.GetValueOrDefault(new CatalogKey(authority, service));
}
