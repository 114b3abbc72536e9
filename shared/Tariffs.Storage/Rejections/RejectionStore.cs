using Azure.Data.Tables;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Rejections;

/// <summary>Stored rejections (table <c>rejections</c>); the first rejection of a key wins.</summary>
public sealed class RejectionStore(TableServiceClient service)
{
    private const int MaxExcerpt = 4000;
    private readonly TableClient table = service.GetTableClient(TableNames.Rejections);

    /// <summary>Stores rejections, skipping those already stored.</summary>
    public Task<int> AddAsync(IEnumerable<Rejection> rejections, CancellationToken cancellationToken) =>
        table.InsertMissingAsync(rejections.Select(r => new RejectionEntity
        {
            PartitionKey = RowKeys.Whole(r.Partition),
            RowKey = RowKeys.Whole(r.Key),
            Source = r.Source,
            Reason = r.Reason,
            Excerpt = r.Excerpt.Length > MaxExcerpt ? r.Excerpt[..MaxExcerpt] : r.Excerpt,
        }), cancellationToken);

    /// <summary>True when a rejection is stored under the partition and key.</summary>
    public async Task<bool> ExistsAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<RejectionEntity>(RowKeys.Whole(partition), RowKeys.Whole(key), select: ["RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue;
    }

    /// <summary>The rejection key of a billing line: its line number, zero-padded.</summary>
    public static string LineKey(int lineNumber) => $"line|{lineNumber:D10}";

    /// <summary>The rejections stored under a partition (a batch id, or a queue name).</summary>
    public IAsyncEnumerable<RejectionEntity> InPartitionAsync(string partition, CancellationToken cancellationToken) =>
        table.QueryAsync<RejectionEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(partition)}"), cancellationToken: cancellationToken);
}

/// <summary>An input refused for a reason: where it came from, which part, why, and an excerpt of it.</summary>
public sealed record Rejection(string Partition, string Key, string Source, string Reason, string Excerpt);
