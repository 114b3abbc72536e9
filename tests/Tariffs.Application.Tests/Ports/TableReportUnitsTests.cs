using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The report units contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableReportUnitsTests(AzuriteFixture azurite) : ReportUnitsContract
{
    protected override async Task<IReportUnits> NewUnitsAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.ReportUnits);
        return new ReportUnitStore(service);
    }
}
