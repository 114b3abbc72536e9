
namespace Tariffs.Application.Ports;

/// <summary>
/// Stored rejections: inputs refused with a reason, keyed by where they came from (a batch id, a queue) and what was
/// refused (a line, a message). The first rejection of a key wins. Reasons and excerpts are cut to
/// <see cref="Rejection.MaxReason"/> and <see cref="Rejection.MaxExcerpt"/> characters (lone surrogates
/// replaced), so that a rejection of any input can be stored. Also keeps the last error of each failed queue message.
/// Implementations must pass the one contract suite (tests: <c>RejectionsContract</c>).
/// </summary>
public interface IRejections
{
    /// <summary>Stores the rejections whose key is free; returns how many were stored.</summary>
    Task<int> AddAsync(IEnumerable<Rejection> rejections, CancellationToken cancellationToken);

    /// <summary>True when a rejection is stored under the partition and key.</summary>
    Task<bool> ExistsAsync(string partition, string key, CancellationToken cancellationToken);

    /// <summary>The rejections stored under a partition, as stored (cut), in key order.</summary>
    IAsyncEnumerable<Rejection> InPartitionAsync(string partition, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="size"/> rejections of a partition whose key comes after <paramref name="after"/> (all when
    /// null), in key order; <see cref="RejectionPage.Next"/> is where the next page starts, null after the last.
    /// </summary>
    Task<RejectionPage> PageAsync(string partition, string? after, int size, CancellationToken cancellationToken);

    /// <summary>Records the error of the latest failed delivery of a message of <paramref name="queue"/> with this body, replacing an earlier one.</summary>
    Task SaveLastErrorAsync(string queue, string body, string error, CancellationToken cancellationToken);

    /// <summary>The last error recorded for a message of <paramref name="queue"/> with this body, or null.</summary>
    Task<string?> LastErrorAsync(string queue, string body, CancellationToken cancellationToken);
}
