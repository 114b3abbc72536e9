using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The eligibility contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableEligibilityTests(AzuriteFixture azurite) : EligibilityContract
{
    protected override async Task<IEligibility> NewEligibilityAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Eligibility);
        return new EligibilityStore(service);
    }
}
