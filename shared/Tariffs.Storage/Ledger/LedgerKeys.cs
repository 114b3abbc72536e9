using System.Globalization;
using Tariffs.Domain.Ledger;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// Keys of the ledger table. Rows are keyed by household: PartitionKey = one of the deployment's partitions
/// (<see cref="LedgerOptions.Partitions"/>) by the household id (<see cref="PartitionOf"/>), RowKey of a line = household | batch | line (<see cref="LineKey"/>), of
/// its items = line key | rule | sequence (<see cref="ItemKey"/>), so a line's items sort right after it and a
/// household's lines are one range query. Outbox rows sit apart, under <see cref="OutboxPrefix"/>.
/// </summary>
public static class LedgerKeys
{
    /// <summary>
    /// Default number of partitions the ledger spreads households over (and the count of every deployment before it was
    /// a setting): few enough that a chunk's transactions are nearly full (with 16, a chunk took 32 transactions instead
    /// of 24 and the end-to-end benchmark ran 10–25% slower), enough that their combined per-partition throughput
    /// targets (2,000 entities/s each: 16,000/s) come near an account's (20,000/s).
    /// </summary>
    public const int DefaultPartitions = 8;

    /// <summary>Most partitions: their keys are two hex digits.</summary>
    public const int MaxPartitions = 256;

    /// <summary>Start of the RowKey of outbox rows: a line key never starts with '|' (its household part is not empty).</summary>
    public const string OutboxPrefix = "|outbox|";

    /// <summary>The partition of a household's rows: FNV-1a of its id, modulo <paramref name="partitions"/>, as two hex digits.</summary>
    public static string PartitionOf(string householdId, int partitions)
    {
        var hash = 2166136261u;
        foreach (var c in householdId)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return Partition((int)(hash % (uint)partitions));
    }

    /// <summary>The key of partition number <paramref name="index"/> (0 … partitions − 1).</summary>
    public static string Partition(int index) => index.ToString("x2", CultureInfo.InvariantCulture);

    /// <summary>RowKey of a line: household | batch | line number (10 digits), the ids escaped by <see cref="RowKeys.Part"/> so that no two lines share a key.</summary>
    public static string LineKey(LedgerLineId id) => RowKeys.Join(id.HouseholdId, id.BatchId, RowKeys.Line(id.LineNumber));

    /// <summary>RowKey of an item: its line's key | rule | sequence (4 digits, 0000 for the original), so it sorts right after its line.</summary>
    public static string ItemKey(string lineKey, LedgerItemId id) =>
        string.Join(RowKeys.Separator, lineKey, RowKeys.Part(id.RuleId), id.Sequence.ToString("D4", CultureInfo.InvariantCulture));

    /// <summary>The start of the keys of every line of a household (and of their items).</summary>
    public static string HouseholdPrefix(string householdId) => RowKeys.Part(householdId) + RowKeys.Separator;

    /// <summary>The first key after every key starting with <paramref name="prefix"/> that ends in '|' or after which '|' comes.</summary>
    public static string After(string prefix) => prefix.EndsWith(RowKeys.Separator) ? prefix[..^1] + "}" : prefix + "}";
}
