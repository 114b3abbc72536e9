using Azure.Storage.Blobs;
using Tariffs.Application.Ports;
using Tariffs.Storage.Batches;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The batch documents contract on Blob storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobBatchDocumentsTests(AzuriteFixture azurite) : BatchDocumentsContract
{
    protected override Task<IBatchDocuments> NewDocumentsAsync() => Task.FromResult<IBatchDocuments>(new BatchBlobStore(new BlobServiceClient(azurite.ConnectionString)));
}
