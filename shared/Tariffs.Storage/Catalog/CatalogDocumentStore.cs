using Azure;
using Azure.Storage.Blobs;

namespace Tariffs.Storage.Catalog;

/// <summary>
/// Catalog documents as published by authorities (blob container <c>catalog</c>, one blob per authority and
/// service: <c>{authority}/{service}.json</c>). The store keeps the text; parsing and validation are the
/// application's.
/// </summary>
public sealed class CatalogDocumentStore(BlobServiceClient service)
{
    /// <summary>The blob container holding catalog documents.</summary>
    public const string ContainerName = "catalog";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(ContainerName);

    /// <summary>Stores (replaces) the document of an authority and service.</summary>
    public Task SaveAsync(string authority, string service, string json, CancellationToken cancellationToken) =>
        SaveNamedAsync(BlobName(authority, service), json, cancellationToken);

    /// <summary>The document of an authority and service, or null when none is published.</summary>
    public Task<string?> FindAsync(string authority, string service, CancellationToken cancellationToken) =>
        FindNamedAsync(BlobName(authority, service), cancellationToken);

    /// <summary>Stores (replaces) another published document (restriction rules, a standards scheme) under a name.</summary>
    public async Task SaveNamedAsync(string blobName, string json, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A published document by name, or null.</summary>
    public async Task<string?> FindNamedAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Names of universal-service documents start with this prefix; they are not catalogs.</summary>
    public const string UniversalPrefix = "universal/";

    /// <summary>The text of every stored catalog document.</summary>
    public async IAsyncEnumerable<string> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
            yield break;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.StartsWith(UniversalPrefix, StringComparison.Ordinal))
                continue;
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            yield return content.Value.Content.ToString();
        }
    }

    private static string BlobName(string authority, string service) =>
        $"{Uri.EscapeDataString(authority.ToLowerInvariant())}/{Uri.EscapeDataString(service.ToLowerInvariant())}.json";
}
