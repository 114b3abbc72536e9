using Azure.Storage.Blobs;
using Tariffs.Application.Ports;
using Tariffs.Storage.Catalog;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The catalog documents contract on Blob storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobCatalogDocumentsTests(AzuriteFixture azurite) : CatalogDocumentsContract
{
    protected override Task<ICatalogDocuments> NewDocumentsAsync() =>
        Task.FromResult<ICatalogDocuments>(new CatalogDocumentStore(new BlobServiceClient(azurite.ConnectionString)));
}
