using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Facts;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The household facts contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableHouseholdFactsTests(AzuriteFixture azurite) : HouseholdFactsContract
{
    protected override async Task<IHouseholdFacts> NewFactsAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.HouseholdFacts);
        return new HouseholdFactsStore(service);
    }
}
