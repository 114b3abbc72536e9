using System.Diagnostics;
using Azure.Data.Tables;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// The yardstick: how fast this Azurite stores entities written directly with Azure.Data.Tables in entity group
/// transactions of 100, one after the other, in one partition (as a batch's ledger rows are). Entities carry about as many
/// properties as a ledger line.
/// </summary>
public static class RawInsertBenchmark
{
    /// <summary>Entities inserted, untimed, before each measurement.</summary>
    public const int WarmUpEntities = 5_000;

    /// <summary>Inserts <paramref name="entities"/> entities into partition <paramref name="run"/>; returns entities per second.</summary>
    public static async Task<double> EntitiesPerSecondAsync(string connectionString, int entities, string run)
    {
        var table = new TableClient(connectionString, "rawinsertbench");
        await table.CreateIfNotExistsAsync();
        // Warm the connection and Azurite's code paths (not timed): a cold Azurite inserts markedly slower.
        await InsertAsync(table, run + "-warm", 0, WarmUpEntities);
        var watch = Stopwatch.StartNew();
        await InsertAsync(table, run, 0, entities);
        return entities / watch.Elapsed.TotalSeconds;
    }

    private static async Task InsertAsync(TableClient table, string prefix, int first, int count)
    {
        for (var start = first; start < first + count; start += 100)
        {
            var partition = prefix;
            var actions = Enumerable.Range(start, Math.Min(100, first + count - start)).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{i:D10}")
            {
                ["Operator"] = "op", ["Authority"] = "dunkerque", ["Service"] = "water", ["Currency"] = "EUR",
                ["HouseholdId"] = $"hh-{i:D7}", ["AccountId"] = $"acc-{i:D7}", ["Area"] = $"area-{i % 20:D2}",
                ["Persons"] = 1 + i % 6, ["PeriodFrom"] = "2022-01-01", ["PeriodTo"] = "2022-12-31", ["Quantity"] = "120",
                ["Unit"] = "m3", ["TariffCode"] = "DOM", ["BilledMinor"] = 13760L, ["StandardBillMinor"] = 13760L,
            }));
            await table.SubmitTransactionAsync(actions);
        }
    }
}
