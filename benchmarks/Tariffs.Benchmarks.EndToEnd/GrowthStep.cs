using System.Text.Json.Serialization;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>One batch of <see cref="LedgerGrowth"/>: the ledger's size after it, its incremental refresh, the full rebuild after it, its end-to-end rate.</summary>
public sealed record GrowthStep(
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("ledgerLines")] long LedgerLines,
    [property: JsonPropertyName("secondsToCompleted")] double SecondsToCompleted,
    [property: JsonPropertyName("refreshSeconds")] double RefreshSeconds,
    [property: JsonPropertyName("refreshPeakMegabytes")] double RefreshPeakMegabytes,
    [property: JsonPropertyName("rebuildSeconds")] double RebuildSeconds,
    [property: JsonPropertyName("rebuildPeakMegabytes")] double RebuildPeakMegabytes,
    [property: JsonPropertyName("linesPerSecond")] double LinesPerSecond,
    [property: JsonPropertyName("transactionsPerLine")] double TransactionsPerLine)
{
    /// <summary>The host's working set right before the incremental refresh (what it kept from the batch and before), the floor of <see cref="RefreshPeakMegabytes"/>.</summary>
    [JsonPropertyName("refreshFloorMegabytes")] public double? RefreshFloorMegabytes { get; init; }
}
