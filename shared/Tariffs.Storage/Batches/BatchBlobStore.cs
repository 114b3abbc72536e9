using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Batches;

/// <summary>
/// <see cref="IBatchDocuments"/> on Blob storage: billing batch documents too large for a queue message (claim-check), in blob container <c>batches</c>:
/// uploaded as a stream, read back as a stream or by byte range (one chunk of lines at a time). The blob name is the document's.
/// </summary>
public sealed class BatchBlobStore(BlobServiceClient service) : IBatchDocuments
{
    private readonly BlobContainerClient container = service.GetBlobContainerClient(IBatchDocuments.ContainerName);

    /// <summary>Stores a document from a stream without buffering it whole.</summary>
    public async Task UploadAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
        {
            TransferOptions = new Azure.Storage.StorageTransferOptions { MaximumTransferSize = 4 * 1024 * 1024, InitialTransferSize = 4 * 1024 * 1024 },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a stored document, if it exists.</summary>
    public Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Opens a stored document for sequential reading; null when it does not exist.</summary>
    public async Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            return await container.GetBlobClient(blobName).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 1024 * 1024 }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Reads bytes [offset, offset + length) of a stored document, streamed into one array of that length.</summary>
    public async Task<byte[]> ReadRangeAsync(string blobName, long offset, int length, CancellationToken cancellationToken)
    {
        var response = await container.GetBlobClient(blobName)
            .DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken).ConfigureAwait(false);
        var content = new byte[length];
        await using var stream = response.Value.Content;
        await stream.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
        return content;
    }
}
