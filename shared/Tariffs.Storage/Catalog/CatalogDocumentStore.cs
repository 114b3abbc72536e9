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
    public async Task SaveAsync(string authority, string service, string json, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(BlobName(authority, service)).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The document of an authority and service, or null when none is published.</summary>
    public async Task<string?> FindAsync(string authority, string service, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName(authority, service)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The text of every stored document.</summary>
    public async IAsyncEnumerable<string> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
            yield break;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            yield return content.Value.Content.ToString();
        }
    }

    private static string BlobName(string authority, string service) =>
        $"{Uri.EscapeDataString(authority.ToLowerInvariant())}/{Uri.EscapeDataString(service.ToLowerInvariant())}.json";
}
