namespace Tariffs.Application.Ports;

/// <summary>
/// Published documents as authorities sent them: one catalog per authority and service, and other documents by name
/// (restriction rules, standards schemes, under <see cref="UniversalPrefix"/>). The store keeps the text; parsing and
/// validation are the Application's. A document's version changes whenever it is replaced, so a reader can tell from a
/// listing which documents it must read again. Implementations must pass the one contract suite (tests:
/// <c>CatalogDocumentsContract</c>).
/// </summary>
public interface ICatalogDocuments
{
    /// <summary>Names of universal-service documents start with this prefix; they are not catalogs and are not listed.</summary>
    const string UniversalPrefix = "universal/";

    /// <summary>Stores (replaces) the catalog of an authority and service (ids compared case-insensitively); returns its name and new version.</summary>
    Task<CatalogBlob> SaveAsync(string authority, string service, string json, CancellationToken cancellationToken);

    /// <summary>The name and version of the catalog of an authority and service, or null when none is published.</summary>
    Task<CatalogBlob?> FindAsync(string authority, string service, CancellationToken cancellationToken);

    /// <summary>The name and version of every stored catalog (not the documents under <see cref="UniversalPrefix"/>), in name order.</summary>
    Task<IReadOnlyList<CatalogBlob>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The text of a stored document with the version of that text, or null when there is none by that name.</summary>
    Task<CatalogText?> DownloadAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) another published document under a name.</summary>
    Task SaveNamedAsync(string name, string json, CancellationToken cancellationToken);

    /// <summary>The text of a published document by name, or null.</summary>
    Task<string?> FindNamedAsync(string name, CancellationToken cancellationToken);
}
