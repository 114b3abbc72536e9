using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Storage.Catalog;
using Tariffs.Application.Messages;
using Tariffs.Storage.Simulations;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

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
        foreach (var name in new[] { CatalogDocumentStore.ContainerName, IBatchDocuments.ContainerName, SimulationStore.ContainerName })
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
