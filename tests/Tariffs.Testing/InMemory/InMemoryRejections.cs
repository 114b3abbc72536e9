using System.Runtime.CompilerServices;
using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IRejections"/> in memory, with the semantics the contract suite pins on Table storage too: the first
/// rejection of a key wins, reasons and excerpts cut as stored (<see cref="Rejection.Truncate"/>), partitions read
/// in key order, last errors replaced. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryRejections : IRejections
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedDictionary<string, Rejection>> partitions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Queue, string BodyHash), string> lastErrors = [];

    public Task<int> AddAsync(IEnumerable<Rejection> rejections, CancellationToken cancellationToken)
    {
        var added = 0;
        lock (gate)
        {
            foreach (var r in rejections)
            {
                if (!partitions.TryGetValue(r.Partition, out var partition))
                    partitions[r.Partition] = partition = new SortedDictionary<string, Rejection>(StringComparer.Ordinal);
                if (partition.TryAdd(r.Key, r with { Reason = Rejection.Truncate(r.Reason, Rejection.MaxReason), Excerpt = Rejection.Truncate(r.Excerpt, Rejection.MaxExcerpt) }))
                    added++;
            }
        }
        return Task.FromResult(added);
    }

    public Task<bool> ExistsAsync(string partition, string key, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(partitions.TryGetValue(partition, out var p) && p.ContainsKey(key));
    }

    public IAsyncEnumerable<Rejection> InPartitionAsync(string partition, CancellationToken cancellationToken)
    {
        lock (gate)
            return Stream(partitions.TryGetValue(partition, out var p) ? [.. p.Values] : [], cancellationToken);
    }

    public Task<RejectionPage> PageAsync(string partition, string? after, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        lock (gate)
        {
            var items = (partitions.TryGetValue(partition, out var p) ? p.Values : Enumerable.Empty<Rejection>())
                .Where(r => after is null || string.CompareOrdinal(r.Key, after) > 0).Take(size + 1).ToList();
            return Task.FromResult(items.Count > size ? new RejectionPage(items[..size], items[size - 1].Key) : new RejectionPage(items, null));
        }
    }

    public Task SaveLastErrorAsync(string queue, string body, string error, CancellationToken cancellationToken)
    {
        lock (gate)
            lastErrors[(queue, Rejection.BodyHash(body))] = Rejection.Truncate(error, Rejection.MaxReason);
        return Task.CompletedTask;
    }

    public Task<string?> LastErrorAsync(string queue, string body, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(lastErrors.GetValueOrDefault((queue, Rejection.BodyHash(body))));
    }

    private static async IAsyncEnumerable<Rejection> Stream(IReadOnlyList<Rejection> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
