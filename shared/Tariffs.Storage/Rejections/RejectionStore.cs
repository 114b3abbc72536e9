using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Rejections;

/// <summary>
/// <see cref="IRejections"/> on Table storage (table <c>rejections</c>); the first rejection of a key wins. Every reason and excerpt is cut to
/// what a Table property holds comfortably (<see cref="Rejection.MaxReason"/>, <see cref="Rejection.MaxExcerpt"/> characters, lone
/// surrogates replaced by U+FFFD), so that a rejection of any input, however long or malformed, can be stored. Also keeps
/// the last error of each queue message that failed (<see cref="SaveLastErrorAsync"/>), for the poison queue's handler.
/// </summary>
public sealed class RejectionStore(TableServiceClient service) : IRejections
{
    private readonly TableClient table = service.GetTableClient(TableNames.Rejections);

    /// <summary>Stores rejections, skipping those already stored.</summary>
    public Task<int> AddAsync(IEnumerable<Rejection> rejections, CancellationToken cancellationToken) =>
        table.InsertMissingAsync(rejections.Select(r => new RejectionEntity
        {
            PartitionKey = RowKeys.Whole(r.Partition),
            RowKey = RowKeys.Whole(r.Key),
            Source = r.Source,
            Reason = Rejection.Truncate(r.Reason, Rejection.MaxReason),
            Excerpt = Rejection.Truncate(r.Excerpt, Rejection.MaxExcerpt),
        }), cancellationToken);

    /// <summary>True when a rejection is stored under the partition and key.</summary>
    public async Task<bool> ExistsAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<RejectionEntity>(RowKeys.Whole(partition), RowKeys.Whole(key), select: ["RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue;
    }

    /// <summary>The rejections stored under a partition (a batch id, or a queue name), ids decoded, in key order.</summary>
    public async IAsyncEnumerable<Rejection> InPartitionAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Rows(partition, null, null, cancellationToken).ConfigureAwait(false))
            yield return Decode(row);
    }

    /// <inheritdoc />
    public async Task<RejectionPage> PageAsync(string partition, string? after, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var items = new List<Rejection>(size + 1);
        await foreach (var row in Rows(partition, after, size + 1, cancellationToken).ConfigureAwait(false))
        {
            items.Add(Decode(row));
            if (items.Count > size)
                break;
        }
        return items.Count > size ? new RejectionPage(items[..size], items[size - 1].Key) : new RejectionPage(items, null);
    }

    /// <summary>The rows of a partition whose key comes after <paramref name="after"/> (all when null), in key order, read <paramref name="perPage"/> at a time.</summary>
    private IAsyncEnumerable<RejectionEntity> Rows(string partition, string? after, int? perPage, CancellationToken cancellationToken) =>
        table.QueryAsync<RejectionEntity>(after is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(partition)}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(partition)} and RowKey gt {RowKeys.Whole(after)}"),
            maxPerPage: perPage, cancellationToken: cancellationToken);

    private static Rejection Decode(RejectionEntity row) => new(RowKeys.Decode(row.PartitionKey), RowKeys.Decode(row.RowKey), row.Source, row.Reason, row.Excerpt);

    /// <summary>
    /// Records the error of the latest failed delivery of a message of <paramref name="queue"/>, keyed by the hash of its
    /// body (a copy moved to the poison queue gets a new message id but keeps its body); replaces an earlier one.
    /// </summary>
    public Task SaveLastErrorAsync(string queue, string body, string error, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new RejectionEntity
        {
            PartitionKey = Rejection.LastErrorPrefix + RowKeys.Whole(queue),
            RowKey = Rejection.BodyHash(body),
            Source = queue,
            Reason = Rejection.Truncate(error, Rejection.MaxReason),
            Excerpt = Rejection.Truncate(body, Rejection.MaxExcerpt),
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The last error recorded for a message of <paramref name="queue"/> with this body, or null.</summary>
    public async Task<string?> LastErrorAsync(string queue, string body, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<RejectionEntity>(Rejection.LastErrorPrefix + RowKeys.Whole(queue), Rejection.BodyHash(body), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? found.Value!.Reason : null;
    }
}
