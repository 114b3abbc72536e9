using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Catalog;

/// <summary>
/// <see cref="ICatalogDocuments"/> on Blob storage: catalog documents as published by authorities (blob container <c>catalog</c>, one blob per authority and
/// service: <c>{authority}/{service}.json</c>); a document's version is its blob's ETag, which changes whenever its document is replaced, so a reader can tell from a listing
/// which documents it must download again.
/// </summary>
public sealed class CatalogDocumentStore(BlobServiceClient service) : ICatalogDocuments
{
    /// <summary>The blob container holding catalog documents.</summary>
    public const string ContainerName = "catalog";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(ContainerName);

    /// <summary>Stores (replaces) the document of an authority and service; returns its blob name and new ETag.</summary>
    public async Task<CatalogBlob> SaveAsync(string authority, string service, string json, CancellationToken cancellationToken)
    {
        var name = BlobName(authority, service);
        return new CatalogBlob(name, (await UploadAsync(name, json, cancellationToken).ConfigureAwait(false)).ToString());
    }

    /// <summary>The blob name and ETag of the document of an authority and service (one request), or null when none is published.</summary>
    public async Task<CatalogBlob?> FindAsync(string authority, string service, CancellationToken cancellationToken)
    {
        var name = BlobName(authority, service);
        try
        {
            var properties = await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new CatalogBlob(name, properties.Value.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob name and ETag of every stored catalog document, in name order (one listing request per 5,000 blobs).</summary>
    public async Task<IReadOnlyList<CatalogBlob>> ListAsync(CancellationToken cancellationToken)
    {
        var blobs = new List<CatalogBlob>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken).ConfigureAwait(false))
                if (!blob.Name.StartsWith(ICatalogDocuments.UniversalPrefix, StringComparison.Ordinal))
                    blobs.Add(new CatalogBlob(blob.Name, Quoted(blob.Properties.ETag!.Value).ToString()));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container does not exist yet: nothing is published.
        }
        return blobs;
    }

    /// <summary>The text of a stored document with the ETag of that text, or null when the blob does not exist.</summary>
    public async Task<CatalogText?> DownloadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new CatalogText(content.Value.Content.ToString(), content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Stores (replaces) another published document (restriction rules, a standards scheme) under a name.</summary>
    public Task SaveNamedAsync(string blobName, string json, CancellationToken cancellationToken) =>
        UploadAsync(blobName, json, cancellationToken);

    /// <summary>A published document by name, or null.</summary>
    public async Task<string?> FindNamedAsync(string blobName, CancellationToken cancellationToken) =>
        (await DownloadAsync(blobName, cancellationToken).ConfigureAwait(false))?.Json;

    private async Task<ETag> UploadAsync(string blobName, string json, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var uploaded = await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken).ConfigureAwait(false);
        return uploaded.Value.ETag;
    }

    /// <summary>A listing gives an ETag without the quotes the <c>ETag</c> header has; quoted, it equals the header's.</summary>
    private static ETag Quoted(ETag etag)
    {
        var text = etag.ToString();
        return text.StartsWith('"') ? etag : new ETag($"\"{text}\"");
    }

    private static string BlobName(string authority, string service) =>
        $"{Uri.EscapeDataString(authority.ToLowerInvariant())}/{Uri.EscapeDataString(service.ToLowerInvariant())}.json";
}
