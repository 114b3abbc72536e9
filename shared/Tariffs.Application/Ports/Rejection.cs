using System.Security.Cryptography;
using System.Text;
using Tariffs.Application.Messages;

namespace Tariffs.Application.Ports;

/// <summary>
/// An input refused for a reason: where it came from (<see cref="Partition"/>: a batch id, a queue), which part
/// (<see cref="Key"/>: a line, a message), its source, why, and an excerpt of it. Reasons and excerpts are stored cut to
/// <see cref="MaxReason"/> and <see cref="MaxExcerpt"/> characters (<see cref="Truncate"/>).
/// </summary>
public sealed record Rejection(string Partition, string Key, string Source, string Reason, string Excerpt)
{
    /// <summary>Longest reason stored, in characters (a longer one is cut and marked with '…').</summary>
    public const int MaxReason = 2_000;

    /// <summary>Longest excerpt stored, in characters.</summary>
    public const int MaxExcerpt = 1_000;

    /// <summary>Partition of what a report recompute left out — an unreadable ledger row or event, a unit of cells storage refused — and why.</summary>
    public const string ReportPartition = "equity-report";

    /// <summary>Start of the partition holding the last errors of a queue's messages (<see cref="IRejections.SaveLastErrorAsync"/>).</summary>
    public const string LastErrorPrefix = "last-error|";

    /// <summary>
    /// True for the partitions kept for rejections that belong to no batch — a queue's unreadable messages, its poison
    /// queue, its functions' last errors, what a report recompute left out — which a batch id (the partition of its own
    /// rejections) must not take, or a batch's rejection and a message's could share a key and one of them be lost.
    /// </summary>
    public static bool IsReservedPartition(string partition) =>
        partition.StartsWith(LastErrorPrefix, StringComparison.Ordinal) || partition == ReportPartition
        || QueueNames.All.Any(q => partition == q || partition == q + QueueNames.PoisonSuffix);

    /// <summary>The rejection key of a billing line: its line number, zero-padded.</summary>
    public static string LineKey(int lineNumber) => $"line|{lineNumber:D10}";

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
