using System.Diagnostics;
using Azure.Data.Tables;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// The yardstick: how fast this Azurite stores entities written directly with Azure.Data.Tables in entity group
/// transactions of 100, one after the other, in one partition (as a batch's ledger rows are). Entities carry about as many
/// properties as a ledger line. Azurite's insert cost grows with the table (its in-memory store keeps sorted indexes per
/// table), so the rate depends on the table's size: <see cref="SmallTable"/> stays small (a few samples of
/// <c>--raw-entities</c>), <see cref="GrownTable"/> is grown like the ledger by <see cref="LedgerGrowth"/>.
/// </summary>
public static class RawInsertBenchmark
{
    /// <summary>Entities inserted, untimed, before each measurement into <see cref="SmallTable"/>.</summary>
    public const int WarmUpEntities = 5_000;

    /// <summary>The table of the small-table samples.</summary>
    public const string SmallTable = "rawinsertbench";

    /// <summary>The table that grows as the ledger does, sample after sample.</summary>
    public const string GrownTable = "rawinsertgrown";

    /// <summary>Inserts <paramref name="entities"/> entities into partition <paramref name="run"/> of <see cref="SmallTable"/>, after a warm-up; returns entities per second.</summary>
    public static async Task<double> EntitiesPerSecondAsync(string connectionString, int entities, string run)
    {
        var table = new TableClient(connectionString, SmallTable);
        await table.CreateIfNotExistsAsync();
        // Warm the connection and Azurite's code paths (not timed): a cold Azurite inserts markedly slower.
        await InsertAsync(table, run + "-warm", 0, WarmUpEntities);
        return await TimedAsync(table, run, entities);
    }

    /// <summary>
    /// Inserts <paramref name="entities"/> entities into partition <paramref name="run"/> of <see cref="GrownTable"/>,
    /// which keeps what earlier calls and <see cref="FillGrownAsync"/> put in it; returns entities per second. No
    /// warm-up: it is called between batches, on a warm Azurite.
    /// </summary>
    public static async Task<double> GrownEntitiesPerSecondAsync(string connectionString, int entities, string run)
    {
        var table = new TableClient(connectionString, GrownTable);
        await table.CreateIfNotExistsAsync();
        return await TimedAsync(table, run, entities);
    }

    /// <summary>Puts <paramref name="entities"/> entities into <see cref="GrownTable"/>, untimed, four transactions at a time (partition <paramref name="run"/>-0…3).</summary>
    public static async Task FillGrownAsync(string connectionString, int entities, string run)
    {
        var table = new TableClient(connectionString, GrownTable);
        await table.CreateIfNotExistsAsync();
        const int Writers = 4;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w =>
            InsertAsync(table, $"{run}-{w}", 0, entities / Writers + (w < entities % Writers ? 1 : 0))));
    }

    private static async Task<double> TimedAsync(TableClient table, string run, int entities)
    {
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
