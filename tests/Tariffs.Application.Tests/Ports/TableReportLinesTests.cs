using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The report lines contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableReportLinesTests(AzuriteFixture azurite) : ReportLinesContract
{
    protected override async Task<IReportLines> NewLinesAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.ReportLines);
        return new ReportLineStore(service, Microsoft.Extensions.Options.Options.Create(new Tariffs.Storage.Ledger.LedgerOptions()));
    }
}
