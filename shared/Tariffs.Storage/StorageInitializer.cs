using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Storage.Catalog;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage;

/// <summary>Creates the tables, queues and containers the service uses when they do not exist (idempotent).</summary>
public sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    /// <summary>Creates everything missing.</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string> queueNames, CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.All)
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
        foreach (var name in queueNames)
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await blobs.GetBlobContainerClient(CatalogDocumentStore.ContainerName).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
