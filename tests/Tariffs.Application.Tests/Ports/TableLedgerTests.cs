using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The ledger contract on Table storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableLedgerTests(AzuriteFixture azurite) : LedgerContract
{
    protected override async Task<ILedger> NewLedgerAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Ledger);
        return new LedgerStore(service);
    }
}
