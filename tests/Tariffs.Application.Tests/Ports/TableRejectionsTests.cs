using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Rejections;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The rejections contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRejectionsTests(AzuriteFixture azurite) : RejectionsContract
{
    protected override async Task<IRejections> NewRejectionsAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Rejections);
        return new RejectionStore(service);
    }
}
