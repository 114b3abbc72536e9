using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The batches contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableBatchesTests(AzuriteFixture azurite) : BatchesContract
{
    protected override async Task<IBatches> NewBatchesAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Batches);
        return new BatchStore(service);
    }
}
