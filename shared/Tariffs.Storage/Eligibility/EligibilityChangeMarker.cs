using Azure.Data.Tables;

namespace Tariffs.Storage.Eligibility;

/// <summary>
/// A row in each program's partition of the eligibility table (RowKey <see cref="RowKey"/>) that every write of a flag or
/// revocation replaces in the same entity group transaction, with a new random <see cref="Column"/>: when it holds the
/// value read before a refresh, nothing was stored in the partition since, and the refresh needs no query of it
/// (<see cref="ProgramEligibilityCache"/>). A point read costs one indexed entity where the query scans the partition
/// (Table storage does not index <c>Timestamp</c>), so a billing run with no new eligibility reads one row per chunk.
/// Never a household's row: a household part of a key is not empty and escapes '|'. Every writer of the partition must
/// replace it (<see cref="EligibilityStore"/> does): a row stored without it, by hand or by a version before it, reaches
/// a warm cache only when the marker next changes (or the process restarts).
/// </summary>
public static class EligibilityChangeMarker
{
    /// <summary>The marker's RowKey in its program's partition.</summary>
    public const string RowKey = "|changed";

    /// <summary>The column holding the last write's random value.</summary>
    public const string Column = "Change";

    /// <summary>The marker of <paramref name="partitionKey"/> replaced by a new value: to submit with the rows it announces.</summary>
    public static TableTransactionAction Touch(string partitionKey) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partitionKey, RowKey) { [Column] = Guid.NewGuid().ToString("N") });

    /// <summary>The marker's value, or null when nothing was stored with a marker in the partition yet.</summary>
    public static async Task<string?> ReadAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, RowKey, select: [Column], cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString(Column) : null;
    }
}
