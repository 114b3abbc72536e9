using System.Diagnostics;
using Azure.Data.Tables;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// The yardstick: how fast this Azurite stores entities written directly with Azure.Data.Tables in entity group
/// transactions of 100, one after the other, in one partition (as a batch's ledger rows are). Entities carry about as many
/// properties as a ledger line. Azurite's insert cost grows with the table (its in-memory store keeps sorted indexes per
/// table), so the rate depends on the table's size: <see cref="SmallTable"/> stays small (a few samples of
/// <c>--raw-entities</c>, keys in order), <see cref="GrownTable"/> is grown like the ledger by <see cref="LedgerGrowth"/>,
/// with keys like the ledger's (<see cref="LedgerLikeKey"/>).
/// </summary>
/// <remarks>
/// Why the keys matter: Azurite keeps each table in a LokiJS collection whose PartitionKey and RowKey indexes are sorted
/// arrays, and an insert splices its position into each (<c>adaptiveBinaryIndexInsert</c>), moving every later element.
/// A key in order lands at the end; a ledger key (household first, the households of a batch spread over the whole
/// table) lands anywhere. Measured on one Azurite (20,000-entity samples into one growing table): 10,400 → 7,900
/// entities/s from 40,000 to 120,000 entities with keys in order, 8,000 → 5,000 with random keys.
/// </remarks>
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
        await InsertAsync(table, run + "-warm", 0, WarmUpEntities, KeyInOrder);
        return await TimedAsync(table, run, entities, KeyInOrder);
    }

    /// <summary>
    /// Inserts <paramref name="entities"/> entities with ledger-like keys (<see cref="LedgerLikeKey"/>) into <see cref="GrownTable"/>,
    /// which keeps what earlier calls and <see cref="FillGrownAsync"/> put in it; returns entities per second. No
    /// warm-up: it is called between batches, on a warm Azurite.
    /// </summary>
    public static async Task<double> GrownEntitiesPerSecondAsync(string connectionString, int entities, string run)
    {
        var table = new TableClient(connectionString, GrownTable);
        await table.CreateIfNotExistsAsync();
        return await TimedAsync(table, run, entities, LedgerLikeKey);
    }

    /// <summary>Puts <paramref name="entities"/> entities into <see cref="GrownTable"/>, untimed, four transactions at a time.</summary>
    public static async Task FillGrownAsync(string connectionString, int entities, string run)
    {
        var table = new TableClient(connectionString, GrownTable);
        await table.CreateIfNotExistsAsync();
        const int Writers = 4;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w =>
            InsertAsync(table, $"{run}-{w}", 0, entities / Writers + (w < entities % Writers ? 1 : 0), LedgerLikeKey)));
    }

    private static async Task<double> TimedAsync(TableClient table, string run, int entities, Func<string, int, (string, string)> key)
    {
        var watch = Stopwatch.StartNew();
        await InsertAsync(table, run, 0, entities, key);
        return entities / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Keys in order: partition <paramref name="run"/>, RowKey the entity's number.</summary>
    private static (string PartitionKey, string RowKey) KeyInOrder(string run, int i) => (run, $"{i:D10}");

    /// <summary>
    /// A key like a ledger line's (<c>LedgerKeys</c>): one of 8 partitions, RowKey household | batch | line, the household
    /// drawn at random among a million, so that a sample's keys spread over the table as a batch's do.
    /// </summary>
    private static (string PartitionKey, string RowKey) LedgerLikeKey(string run, int i) =>
        ($"{i / 100 % 8:x2}", $"hh-{Random.Shared.Next(1_000_000):D7}|{run}|{i:D10}");

    /// <summary>Inserts entities <paramref name="first"/> … in transactions of 100 (one partition each, keys sorted, as the ledger's).</summary>
    private static async Task InsertAsync(TableClient table, string run, int first, int count, Func<string, int, (string PartitionKey, string RowKey)> key)
    {
        for (var start = first; start < first + count; start += 100)
        {
            var entities = Enumerable.Range(start, Math.Min(100, first + count - start)).Select(i =>
            {
                var (partitionKey, rowKey) = key(run, i);
                return new TableEntity(partitionKey, rowKey)
                {
                    ["Operator"] = "op", ["Authority"] = "dunkerque", ["Service"] = "water", ["Currency"] = "EUR",
                    ["HouseholdId"] = $"hh-{i:D7}", ["AccountId"] = $"acc-{i:D7}", ["Area"] = $"area-{i % 20:D2}",
                    ["Persons"] = 1 + i % 6, ["PeriodFrom"] = "2022-01-01", ["PeriodTo"] = "2022-12-31", ["Quantity"] = "120",
                    ["Unit"] = "m3", ["TariffCode"] = "DOM", ["BilledMinor"] = 13760L, ["StandardBillMinor"] = 13760L,
                };
            });
            await table.SubmitTransactionAsync(entities.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        }
    }
}
