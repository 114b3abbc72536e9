using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Tariffs.Storage.Tables;

/// <summary>
/// Inserts entities in entity group transactions (one partition, at most 100 entities each) where the first
/// write of a key wins: when a transaction fails because one of its keys exists already (a redelivered
/// message, a write that succeeded while the client saw an error), the keys already stored are read back and
/// only the missing entities are inserted. Existing entities are never replaced.
/// </summary>
public static class IdempotentInserter
{
    /// <summary>Largest number of operations in one entity group transaction.</summary>
    public const int MaxTransactionSize = 100;

    /// <summary>Inserts the entities that are not stored yet; returns how many were inserted.</summary>
    public static async Task<int> InsertMissingAsync<T>(this TableClient table, IEnumerable<T> entities, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var inserted = 0;
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
            foreach (var chunk in partition.Chunk(MaxTransactionSize))
                inserted += await InsertChunkAsync(table, chunk, cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    private static async Task<int> InsertChunkAsync<T>(TableClient table, T[] chunk, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                .ConfigureAwait(false);
            return chunk.Length;
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var existing = await ExistingRowKeysAsync(table, chunk, cancellationToken).ConfigureAwait(false);
            var missing = chunk.Where(c => !existing.Contains(c.RowKey)).ToArray();
            if (missing.Length == 0)
                return 0;
            // A concurrent writer may have added some of them meanwhile: try again with what is still missing.
            return await InsertChunkAsync(table, missing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads which row keys of the chunk exist, with one range query over the chunk's partition.</summary>
    private static async Task<HashSet<string>> ExistingRowKeysAsync<T>(TableClient table, T[] chunk, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var partitionKey = chunk[0].PartitionKey;
        var first = chunk.Select(c => c.RowKey).Min(StringComparer.Ordinal)!;
        var last = chunk.Select(c => c.RowKey).Max(StringComparer.Ordinal)!;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {first} and RowKey le {last}");
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            existing.Add(entity.RowKey);
        return existing;
    }
}
