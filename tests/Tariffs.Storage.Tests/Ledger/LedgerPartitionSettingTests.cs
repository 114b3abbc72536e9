using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests.Ledger;

/// <summary>
/// The ledger's partition count is a deployment setting fixed once data exists: stored at the first start, a start with
/// another count refused; a ledger written before the setting counts as <see cref="LedgerKeys.DefaultPartitions"/>.
/// On an Azurite of its own, since the setting is the account's.
/// </summary>
public sealed class LedgerPartitionSettingTests
{
    [Fact]
    public async Task The_first_count_is_kept_another_refused_rows_spread_over_it_and_an_older_ledger_keeps_the_default()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await Initializer(azurite, 16).EnsureCreatedAsync(CancellationToken.None);
            await Initializer(azurite, 16).EnsureCreatedAsync(CancellationToken.None);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Initializer(azurite, 8).EnsureCreatedAsync(CancellationToken.None));
            Assert.Contains("written with 16 partitions", refused.Message, StringComparison.Ordinal);

            var tables = new TableServiceClient(azurite.ConnectionString);
            var ledger = new LedgerStore(tables, Options.Create(new LedgerOptions { Partitions = 16 }));
            await ledger.AppendAsync([.. Enumerable.Range(1, 200).Select(n => Line($"hh-{n:D4}"))], CancellationToken.None);
            var partitions = new HashSet<string>();
            await foreach (var row in tables.GetTableClient(TableNames.Ledger).QueryAsync<TableEntity>(select: ["PartitionKey"]))
                partitions.Add(row.PartitionKey);
            Assert.Equal(Enumerable.Range(0, 16).Select(LedgerKeys.Partition).ToHashSet(), partitions);
            Assert.Equal("Water", (await ledger.ReadLineAsync(new LedgerLineId("hh-0077", "b", 1), CancellationToken.None))?.Service);

            // An account whose ledger has rows but no setting (written before it existed) was written with 8.
            await tables.GetTableClient(TableNames.Settings).DeleteEntityAsync("ledger", "partitions");
            await Assert.ThrowsAsync<InvalidOperationException>(() => Initializer(azurite, 4).EnsureCreatedAsync(CancellationToken.None));
            await Initializer(azurite, LedgerKeys.DefaultPartitions).EnsureCreatedAsync(CancellationToken.None);
            var setting = await tables.GetTableClient(TableNames.Settings).GetEntityAsync<TableEntity>("ledger", "partitions");
            Assert.Equal(8, setting.Value.GetInt32("Partitions"));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public async Task A_count_out_of_range_is_refused_before_any_storage_call(int partitions)
    {
        var nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1";
        var initializer = new StorageInitializer(new TableServiceClient(nowhere), new QueueServiceClient(nowhere), new BlobServiceClient(nowhere),
            Options.Create(new LedgerOptions { Partitions = partitions }));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.EnsureCreatedAsync(CancellationToken.None));
        Assert.Contains("between 1 and 256", refused.Message, StringComparison.Ordinal);
    }

    private static StorageInitializer Initializer(AzuriteFixture azurite, int partitions) => new(new TableServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString),
        new BlobServiceClient(azurite.ConnectionString), Options.Create(new LedgerOptions { Partitions = partitions }));

    private static LedgerLine Line(string household)
    {
        var year = new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
        var outcome = new LineOutcome(new BillingLine(1, household, "acc", "A", true, 4, year, 120m, "m3", "DOM", 10m), Currency.Eur, 137.60m, [], [], false);
        return LedgerLine.Priced("b", "operator", "a", "Water", default, outcome, null);
    }
}
