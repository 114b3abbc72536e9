using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Households;

/// <summary>
/// Where each household's lines are in the ledger (table <c>households</c>), so that a late eligibility flag
/// finds the lines to recompute. PartitionKey = one of 16 buckets of a stable hash of the household id (a
/// chunk of lines costs at most 16 transactions, not one per line), RowKey = household | batch | line.
/// </summary>
public sealed class HouseholdIndex(TableServiceClient service)
{
    /// <summary>Number of partitions the index spreads households over.</summary>
    public const int Buckets = 16;

    private readonly TableClient table = service.GetTableClient(TableNames.Households);

    /// <summary>Indexes lines; already indexed lines are left as they are.</summary>
    public Task<int> AddAsync(IEnumerable<IndexedLine> lines, CancellationToken cancellationToken) =>
        table.InsertMissingAsync(lines.Select(l => new TableEntity(Bucket(l.HouseholdId), RowKeys.Join(l.HouseholdId, l.BatchId, RowKeys.Line(l.LineNumber)))
        {
            [nameof(IndexedLine.HouseholdId)] = l.HouseholdId,
            [nameof(IndexedLine.BatchId)] = l.BatchId,
            [nameof(IndexedLine.LineNumber)] = l.LineNumber,
        }), cancellationToken);

    /// <summary>The lines of one household, in batch and line order.</summary>
    public async IAsyncEnumerable<IndexedLine> LinesOfAsync(string householdId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = RowKeys.Sanitise(householdId) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Bucket(householdId)} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return new IndexedLine(row.GetString(nameof(IndexedLine.HouseholdId))!, row.GetString(nameof(IndexedLine.BatchId))!, row.GetInt32(nameof(IndexedLine.LineNumber)) ?? 0);
    }

    /// <summary>The bucket of a household: FNV-1a of its id, modulo <see cref="Buckets"/>, as two hex digits.</summary>
    public static string Bucket(string householdId)
    {
        var hash = 2166136261u;
        foreach (var c in householdId)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (hash % Buckets).ToString("x2", CultureInfo.InvariantCulture);
    }
}

/// <summary>A line of a household in the ledger.</summary>
public readonly record struct IndexedLine(string HouseholdId, string BatchId, int LineNumber);
