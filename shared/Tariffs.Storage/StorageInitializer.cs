using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Storage.Catalog;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Queues;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage;

/// <summary>Creates the tables, queues and containers the service uses when they do not exist (idempotent).</summary>
public sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    /// <summary>Creates everything missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.All)
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
        foreach (var name in QueueNames.All)
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var name in new[] { CatalogDocumentStore.ContainerName, BatchBlobStore.ContainerName })
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
