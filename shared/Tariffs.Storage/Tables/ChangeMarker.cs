using Azure.Data.Tables;

namespace Tariffs.Storage.Tables;

/// <summary>
/// A row (RowKey <see cref="RowKey"/>) that every write of the rows it watches replaces with a new random
/// <see cref="Column"/>, in the same entity group transaction where the rows share its partition (a program's
/// eligibility), else right after them (household facts): when it holds the value read before a read of those rows
/// began, nothing was stored since that the read missed, and the read need not be repeated. A point read costs one
/// indexed entity where a query scans a partition or, for many households, costs one request each. Never a row of an
/// id: its key is where no id's can be (beside keys whose id part escapes '|', or in a partition starting with '~',
/// which keys escape: <see cref="Tariffs.Application.Ports.RowKeys"/>). Every writer of the watched rows must
/// replace it: a row stored without it, by hand or by a version before it, is seen by a reader that skips on it only
/// once the marker next changes (or the process restarts).
/// </summary>
public static class ChangeMarker
{
    /// <summary>The marker's RowKey.</summary>
    public const string RowKey = "|changed";

    /// <summary>The column holding the last write's random value.</summary>
    public const string Column = "Change";

    /// <summary>The marker of <paramref name="partitionKey"/> replaced by a new value: to submit with, or right after, the rows it announces.</summary>
    public static TableTransactionAction Touch(string partitionKey) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partitionKey, RowKey) { [Column] = Guid.NewGuid().ToString("N") });

    /// <summary>Replaces the marker of <paramref name="partitionKey"/> by a new value on its own: after the rows it announces are stored.</summary>
    public static Task TouchAsync(TableClient table, string partitionKey, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(Touch(partitionKey).Entity, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The marker's value, or null when nothing was stored with a marker in the partition yet.</summary>
    public static async Task<string?> ReadAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, RowKey, select: [Column], cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString(Column) : null;
    }
}
