using System.Collections.Concurrent;
using Tariffs.Domain.Catalog;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Catalog;

/// <summary>
/// Published catalogs: validates a document before storing it (a bad document never replaces a good one) and
/// reads catalogs back, parsed. Parsed documents are kept by name with the version they were read at; every read
/// first asks storage for the current versions (one request) and downloads and parses only documents that are new or
/// changed, so a catalog published by any process is seen by the next read of every process, and a document is
/// downloaded again only after it changes. A catalog published here is kept as it is stored. One instance per
/// process (a singleton): the cache is the instance's.
/// </summary>
public sealed class CatalogRepository(ICatalogDocuments documents)
{
    private readonly ConcurrentDictionary<string, Parsed> parsed = new(StringComparer.Ordinal);

    /// <summary>Validates and stores a document; returns the problems when it is refused.</summary>
    public async Task<CatalogReadResult> PublishAsync(string json, CancellationToken cancellationToken)
    {
        var result = CatalogDocumentReader.Read(json);
        if (result.Catalog is { } catalog)
        {
            var stored = await documents.SaveAsync(catalog.Authority, catalog.Service, json, cancellationToken).ConfigureAwait(false);
            parsed[stored.Name] = new Parsed(stored.Version, result);
        }
        return result;
    }

    /// <summary>The catalog of an authority and service, or null when none is published.</summary>
    public async Task<ServiceCatalog?> FindAsync(string authority, string service, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(authority, service, cancellationToken).ConfigureAwait(false) is not { } blob
            || await ReadAsync(blob, cancellationToken).ConfigureAwait(false) is not { } result)
            return null;
        return result.Catalog ?? throw new InvalidOperationException($"The stored catalog {authority}/{service} is invalid: {string.Join("; ", result.Errors)}");
    }

    /// <summary>Every published catalog (a stored document that does not read is left out).</summary>
    public async Task<IReadOnlyList<ServiceCatalog>> AllAsync(CancellationToken cancellationToken)
    {
        var blobs = await documents.ListAsync(cancellationToken).ConfigureAwait(false);
        var catalogs = new List<ServiceCatalog>(blobs.Count);
        foreach (var blob in blobs)
            if ((await ReadAsync(blob, cancellationToken).ConfigureAwait(false))?.Catalog is { } catalog)
                catalogs.Add(catalog);
        var listed = blobs.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in parsed)
            if (!listed.Contains(entry.Key))
                parsed.TryRemove(entry);
        return catalogs;
    }

    /// <summary>The document of a blob as it is now: kept when its version is unchanged, else downloaded; null when it was deleted meanwhile.</summary>
    private async Task<CatalogReadResult?> ReadAsync(CatalogBlob blob, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue(blob.Name, out var kept) && kept.Version == blob.Version)
            return kept.Result;
        if (await documents.DownloadAsync(blob.Name, cancellationToken).ConfigureAwait(false) is not { } downloaded)
            return null;
        var result = CatalogDocumentReader.Read(downloaded.Json);
        parsed[blob.Name] = new Parsed(downloaded.Version, result);
        return result;
    }

    private sealed record Parsed(string Version, CatalogReadResult Result);
}
