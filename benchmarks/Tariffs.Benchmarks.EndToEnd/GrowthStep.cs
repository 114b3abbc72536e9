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

    /// <summary>
    /// Every timed incremental refresh of the step's unit: the one after the batch, then <see cref="LedgerGrowth.RefreshRepeats"/>
    /// more of the same unit marked dirty again right after it (the same work: one unit of the batch's households);
    /// null in runs before they were repeated.
    /// </summary>
    [JsonPropertyName("refreshSamples")] public IReadOnlyList<double>? RefreshSamples => RepeatedRefreshes is { } repeats ? [RefreshSeconds, .. repeats.Select(r => r.Seconds)] : null;

    /// <summary>
    /// The repeated refreshes with the CPU seconds of the host and of Azurite meanwhile: whether a refresh that takes longer
    /// on a grown ledger spends it in the service or in the emulator. Null in runs before they were recorded.
    /// </summary>
    [JsonPropertyName("repeatedRefreshes")] public IReadOnlyList<RefreshSample>? RepeatedRefreshes { get; init; }

    /// <summary>The median of <see cref="RefreshSamples"/> (<see cref="RefreshSeconds"/> alone in earlier runs).</summary>
    [JsonPropertyName("refreshMedianSeconds")] public double RefreshMedianSeconds => RefreshSamples is { Count: > 0 } samples ? LedgerGrowth.Median(samples) : RefreshSeconds;
}
