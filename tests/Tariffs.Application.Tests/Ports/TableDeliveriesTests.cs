using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Deliveries;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The deliveries contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDeliveriesTests(AzuriteFixture azurite) : DeliveriesContract
{
    protected override async Task<IDeliveries> NewDeliveriesAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Deliveries);
        return new DeliveryStore(service);
    }
}
