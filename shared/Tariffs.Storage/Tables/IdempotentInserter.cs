using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Tariffs.Storage.Tables;

/// <summary>
/// Inserts entities in entity group transactions (one partition, at most 100 entities each) where the first write of
/// a key wins: when a transaction fails because one of its keys exists already (a redelivered message, a write that
/// succeeded while the client saw an error), the keys already stored are read back and only what is missing is
/// inserted again. Existing entities are never replaced. Entities can be inserted as groups (a ledger line and its
/// items): a group is never split across transactions, and it counts as stored when its first row is.
/// </summary>
public static class IdempotentInserter
{
    /// <summary>Largest number of operations in one entity group transaction.</summary>
    public const int MaxTransactionSize = 100;

    /// <summary>At most this many key comparisons in one query filter besides the partition's (Table storage allows 15 in all).</summary>
    private const int ComparisonsPerFilter = 14;

    /// <summary>Inserts the entities that are not stored yet; returns how many were inserted. A refusal of storage is thrown.</summary>
    public static async Task<int> InsertMissingAsync<T>(this TableClient table, IEnumerable<T> entities, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var result = await table.InsertGroupsAsync(entities, e => [e], isolateRefusals: false, cancellationToken).ConfigureAwait(false);
        return result.Inserted;
    }

    /// <summary>
    /// Inserts groups of rows (each of one partition, the group's key its first row's, at most
    /// <see cref="MaxTransactionSize"/> rows) whose first row is not stored yet, whole groups per transaction, in key
    /// order. Returns the rows inserted, the groups found stored already (left as they were) and, when
    /// <paramref name="isolateRefusals"/> is set, the groups storage refused for good (a transaction refused is tried
    /// again one group at a time, so one group never costs another); otherwise a refusal is thrown.
    /// </summary>
    public static async Task<GroupInsert<TGroup>> InsertGroupsAsync<TGroup>(this TableClient table, IEnumerable<TGroup> groups,
        Func<TGroup, IReadOnlyList<ITableEntity>> rowsOf, bool isolateRefusals, CancellationToken cancellationToken)
    {
        var result = new GroupInsert<TGroup>();
        var keyed = groups.Select(g => new Group<TGroup>(g, rowsOf(g))).Where(g => g.Rows.Count > 0);
        foreach (var partition in keyed.GroupBy(g => g.Rows[0].PartitionKey).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var transaction = new List<Group<TGroup>>();
            var size = 0;
            foreach (var group in partition.OrderBy(g => g.Rows[0].RowKey, StringComparer.Ordinal))
            {
                if (size + group.Rows.Count > MaxTransactionSize && transaction.Count > 0)
                {
                    await InsertAsync(table, transaction, result, isolateRefusals, cancellationToken).ConfigureAwait(false);
                    transaction = [];
                    size = 0;
                }
                transaction.Add(group);
                size += group.Rows.Count;
            }
            if (transaction.Count > 0)
                await InsertAsync(table, transaction, result, isolateRefusals, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    private sealed record Group<TGroup>(TGroup Value, IReadOnlyList<ITableEntity> Rows);

    /// <summary>
    /// Inserts whole groups of one partition in one transaction; on a conflict, retries with the groups not stored yet
    /// (a concurrent writer may have added some meanwhile); on a refusal, see <see cref="InsertGroupsAsync{TGroup}"/>.
    /// </summary>
    private static async Task InsertAsync<TGroup>(TableClient table, List<Group<TGroup>> groups, GroupInsert<TGroup> result, bool isolateRefusals,
        CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(groups.SelectMany(g => g.Rows).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                .ConfigureAwait(false);
            result.Inserted += groups.Sum(g => g.Rows.Count);
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var stored = await StoredKeysAsync(table, groups[0].Rows[0].PartitionKey, [.. groups.Select(g => g.Rows[0].RowKey)], cancellationToken).ConfigureAwait(false);
            result.AlreadyStored.AddRange(groups.Where(g => stored.Contains(g.Rows[0].RowKey)).Select(g => g.Value));
            var missing = groups.Where(g => !stored.Contains(g.Rows[0].RowKey)).ToList();
            if (missing.Count > 0)
                await InsertAsync(table, missing, result, isolateRefusals, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (isolateRefusals && StorageErrors.IsRefusal(e))
        {
            if (groups.Count == 1)
            {
                result.Refused.Add((groups[0].Value, StorageErrors.Describe(e)));
                return;
            }
            foreach (var group in groups)
                await InsertAsync(table, [group], result, isolateRefusals, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Which of the row keys exist in the partition: point comparisons, a few keys per query, because the keys of a
    /// transaction may be spread over the whole partition (a range from the first to the last could read most of it).
    /// </summary>
    private static async Task<HashSet<string>> StoredKeysAsync(TableClient table, string partition, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in rowKeys.Chunk(ComparisonsPerFilter))
        {
            var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {partition}")} and ({string.Join(" or ", group.Select(k => TableClient.CreateQueryFilter($"RowKey eq {k}")))})";
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
                stored.Add(row.RowKey);
        }
        return stored;
    }
}
