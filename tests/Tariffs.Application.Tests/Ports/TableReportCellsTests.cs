using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The report cells contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableReportCellsTests(AzuriteFixture azurite) : ReportCellsContract
{
    protected override async Task<(IReportCells Cells, IPublicReportCells Public)> NewStoresAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        foreach (var table in new[] { TableNames.Reports, TableNames.Releases, TableNames.PublicReports })
            await service.CreateTableIfNotExistsAsync(table);
        return (new ReportStore(service), new PublicReportStore(service));
    }
}
