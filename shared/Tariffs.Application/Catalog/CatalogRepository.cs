using Tariffs.Domain.Catalog;
using Tariffs.Storage.Catalog;

namespace Tariffs.Application.Catalog;

/// <summary>
/// Published catalogs: validates a document before storing it (a bad document never replaces a good one) and
/// reads the catalog of an authority and service back, parsed.
/// </summary>
public sealed class CatalogRepository(CatalogDocumentStore documents)
{
    /// <summary>Validates and stores a document; returns the problems when it is refused.</summary>
    public async Task<CatalogReadResult> PublishAsync(string json, CancellationToken cancellationToken)
    {
        var result = CatalogDocumentReader.Read(json);
        if (result.Catalog is { } catalog)
            await documents.SaveAsync(catalog.Authority, catalog.Service, json, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>The catalog of an authority and service, or null when none is published.</summary>
    public async Task<ServiceCatalog?> FindAsync(string authority, string service, CancellationToken cancellationToken)
    {
        var json = await documents.FindAsync(authority, service, cancellationToken).ConfigureAwait(false);
        if (json is null)
            return null;
        var result = CatalogDocumentReader.Read(json);
        return result.Catalog ?? throw new InvalidOperationException($"The stored catalog {authority}/{service} is invalid: {string.Join("; ", result.Errors)}");
    }

    /// <summary>Every published catalog.</summary>
    public async Task<IReadOnlyList<ServiceCatalog>> AllAsync(CancellationToken cancellationToken)
    {
        var catalogs = new List<ServiceCatalog>();
        await foreach (var json in documents.AllAsync(cancellationToken).ConfigureAwait(false))
            if (CatalogDocumentReader.Read(json).Catalog is { } catalog)
                catalogs.Add(catalog);
        return catalogs;
    }
}
