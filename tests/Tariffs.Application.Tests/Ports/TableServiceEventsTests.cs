using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Events;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The service events contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableServiceEventsTests(AzuriteFixture azurite) : ServiceEventsContract
{
    protected override async Task<IServiceEvents> NewEventsAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Events);
        return new ServiceEventStore(service);
    }
}
