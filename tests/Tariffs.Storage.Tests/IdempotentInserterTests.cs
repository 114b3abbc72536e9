using Azure;
using Azure.Data.Tables;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class IdempotentInserterTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("t" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        return table;
    }

    private static TableEntity Row(string partition, int i, string value = "first") =>
        new(partition, RowKeys.Line(i)) { ["Value"] = value };

    private static async Task<List<TableEntity>> AllAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
            rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task Inserts_250_rows_in_transactions_of_100_and_a_rerun_adds_nothing()
    {
        var table = await NewTableAsync();
        var rows = Enumerable.Range(1, 250).Select(i => Row("batch-1", i)).ToList();

        Assert.Equal(250, await table.InsertMissingAsync(rows, CancellationToken.None));
        Assert.Equal(0, await table.InsertMissingAsync(rows, CancellationToken.None));

        Assert.Equal(250, (await AllAsync(table)).Count);
    }

    [Fact]
    public async Task Rerun_after_a_partial_write_inserts_only_the_missing_rows_and_never_replaces()
    {
        var table = await NewTableAsync();
        // A previous delivery stored rows 1–40 and 70 with other values, then crashed.
        await table.InsertMissingAsync(Enumerable.Range(1, 40).Append(70).Select(i => Row("p", i, "earlier")), CancellationToken.None);

        var inserted = await table.InsertMissingAsync(Enumerable.Range(1, 100).Select(i => Row("p", i, "later")), CancellationToken.None);

        Assert.Equal(59, inserted);
        var rows = await AllAsync(table);
        Assert.Equal(100, rows.Count);
        Assert.Equal(41, rows.Count(r => r.GetString("Value") == "earlier"));
    }

    [Fact]
    public async Task A_transaction_with_one_conflict_commits_nothing()
    {
        // Guards the atomicity the inserter relies on: Azurite's batch support is partial.
        var table = await NewTableAsync();
        await table.AddEntityAsync(Row("p", 50));

        var actions = Enumerable.Range(1, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Row("p", i, "batch")));
        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(409, error.Status);
        Assert.Single(await AllAsync(table));
    }

    [Fact]
    public async Task Rows_of_several_partitions_are_grouped_per_partition()
    {
        var table = await NewTableAsync();
        var rows = Enumerable.Range(1, 30).Select(i => Row($"p{i % 3}", i)).ToList();

        Assert.Equal(30, await table.InsertMissingAsync(rows, CancellationToken.None));
        Assert.Equal(10, (await AllAsync(table)).Count(r => r.PartitionKey == "p0"));
    }
}
