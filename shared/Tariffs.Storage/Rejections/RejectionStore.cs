using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Rejections;

/// <summary>
/// Stored rejections (table <c>rejections</c>); the first rejection of a key wins. Every reason and excerpt is cut to
/// what a Table property holds comfortably (<see cref="MaxReason"/>, <see cref="MaxExcerpt"/> characters, lone
/// surrogates replaced by U+FFFD), so that a rejection of any input, however long or malformed, can be stored. Also keeps
/// the last error of each queue message that failed (<see cref="SaveLastErrorAsync"/>), for the poison queue's handler.
/// </summary>
public sealed class RejectionStore(TableServiceClient service)
{
    /// <summary>Longest reason stored, in characters (a longer one is cut and marked with '…').</summary>
    public const int MaxReason = 2_000;

    /// <summary>Longest excerpt stored, in characters.</summary>
    public const int MaxExcerpt = 1_000;

    /// <summary>Partition of what a report recompute left out — an unreadable ledger row or event, a unit of cells storage refused — and why.</summary>
    public const string ReportPartition = "equity-report";

    /// <summary>Start of the partition holding the last errors of a queue's messages.</summary>
    private const string LastErrorPrefix = "last-error|";

    /// <summary>
    /// True for the partitions the store keeps for rejections that belong to no batch — a queue's unreadable messages,
    /// its poison queue, its functions' last errors, what a report recompute left out — which a batch id (the partition of its own rejections) must not
    /// take, or a batch's rejection and a message's could share a key and one of them be lost.
    /// </summary>
    public static bool IsReservedPartition(string partition) =>
        partition.StartsWith(LastErrorPrefix, StringComparison.Ordinal) || partition == ReportPartition
        || Queues.QueueNames.All.Any(q => partition == q || partition == q + Queues.QueueNames.PoisonSuffix);

    private readonly TableClient table = service.GetTableClient(TableNames.Rejections);

    /// <summary>Stores rejections, skipping those already stored.</summary>
    public Task<int> AddAsync(IEnumerable<Rejection> rejections, CancellationToken cancellationToken) =>
        table.InsertMissingAsync(rejections.Select(r => new RejectionEntity
        {
            PartitionKey = RowKeys.Whole(r.Partition),
            RowKey = RowKeys.Whole(r.Key),
            Source = r.Source,
            Reason = Truncate(r.Reason, MaxReason),
            Excerpt = Truncate(r.Excerpt, MaxExcerpt),
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

    /// <summary>The rejections of a partition whose key comes after <paramref name="after"/>, in key order, read <paramref name="perPage"/> at a time.</summary>
    public IAsyncEnumerable<RejectionEntity> InPartitionAsync(string partition, string? after, int perPage, CancellationToken cancellationToken) =>
        table.QueryAsync<RejectionEntity>(after is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(partition)}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Whole(partition)} and RowKey gt {RowKeys.Whole(after)}"),
            maxPerPage: perPage, cancellationToken: cancellationToken);

    /// <summary>
    /// Records the error of the latest failed delivery of a message of <paramref name="queue"/>, keyed by the hash of its
    /// body (a copy moved to the poison queue gets a new message id but keeps its body); replaces an earlier one.
    /// </summary>
    public Task SaveLastErrorAsync(string queue, string body, string error, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new RejectionEntity
        {
            PartitionKey = LastErrorPrefix + RowKeys.Whole(queue),
            RowKey = BodyHash(body),
            Source = queue,
            Reason = Truncate(error, MaxReason),
            Excerpt = Truncate(body, MaxExcerpt),
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The last error recorded for a message of <paramref name="queue"/> with this body, or null.</summary>
    public async Task<string?> LastErrorAsync(string queue, string body, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<RejectionEntity>(LastErrorPrefix + RowKeys.Whole(queue), BodyHash(body), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? found.Value!.Reason : null;
    }

    /// <summary>SHA-256 of the body's UTF-8 bytes (lone surrogates replaced), in hex: a key for any body.</summary>
    public static string BodyHash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>
    /// At most <paramref name="max"/> characters of <paramref name="text"/> (the cut marked with '…', never between the
    /// halves of a surrogate pair), with lone surrogates replaced by U+FFFD so that the text can be stored.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        var cut = text.Length > max ? max - 1 : text.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        var builder = new StringBuilder(cut + 1);
        for (var i = 0; i < cut; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < cut && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        if (cut < text.Length)
            builder.Append('…');
        return builder.ToString();
    }
}

/// <summary>An input refused for a reason: where it came from, which part, why, and an excerpt of it.</summary>
public sealed record Rejection(string Partition, string Key, string Source, string Reason, string Excerpt);
