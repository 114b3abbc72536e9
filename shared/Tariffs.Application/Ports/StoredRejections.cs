using System.Runtime.CompilerServices;
using Tariffs.Storage.Rejections;
using Tariffs.Storage.Tables;

namespace Tariffs.Application.Ports;

/// <summary>
/// <see cref="IRejections"/> on Azure Table storage: forwards to <see cref="RejectionStore"/>. Interim: once
/// Tariffs.Storage references the Application (issue 12, item 2), the store implements the port itself and this goes.
/// </summary>
public sealed class StoredRejections(RejectionStore store) : IRejections
{
    public Task<int> AddAsync(IEnumerable<Rejection> rejections, CancellationToken cancellationToken) => store.AddAsync(rejections, cancellationToken);

    public Task<bool> ExistsAsync(string partition, string key, CancellationToken cancellationToken) => store.ExistsAsync(partition, key, cancellationToken);

    public async IAsyncEnumerable<Rejection> InPartitionAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in store.InPartitionAsync(partition, cancellationToken).ConfigureAwait(false))
            yield return new Rejection(RowKeys.Decode(row.PartitionKey), RowKeys.Decode(row.RowKey), row.Source, row.Reason, row.Excerpt);
    }

    public async Task<RejectionPage> PageAsync(string partition, string? after, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var items = new List<Rejection>(size + 1);
        await foreach (var row in store.InPartitionAsync(partition, after, size + 1, cancellationToken).ConfigureAwait(false))
        {
            items.Add(new Rejection(RowKeys.Decode(row.PartitionKey), RowKeys.Decode(row.RowKey), row.Source, row.Reason, row.Excerpt));
            if (items.Count > size)
                break;
        }
        return items.Count > size ? new RejectionPage(items[..size], items[size - 1].Key) : new RejectionPage(items, null);
    }

    public Task SaveLastErrorAsync(string queue, string body, string error, CancellationToken cancellationToken) => store.SaveLastErrorAsync(queue, body, error, cancellationToken);

    public Task<string?> LastErrorAsync(string queue, string body, CancellationToken cancellationToken) => store.LastErrorAsync(queue, body, cancellationToken);
}
