namespace Tariffs.Domain.Catalog;

/// <summary>Identifies the catalog of one authority for one service.</summary>
public readonly record struct CatalogKey(string Authority, string Service)
{
    public override string ToString() => $"{Authority}/{Service}";
}
