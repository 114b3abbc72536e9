using System.Text.Json.Serialization;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// One sample of the end-to-end ratio, on a fresh Azurite and host (so every sample does the same work into the same
/// empty ledger): the raw insert yardstick right before and right after the throughput batch, the new host's untimed
/// first batch, and the throughput batch.
/// </summary>
public sealed record ThroughputSample(
    [property: JsonPropertyName("rawBefore")] double RawBefore,
    [property: JsonPropertyName("rawAfter")] double RawAfter,
    [property: JsonPropertyName("warmup")] BatchRun? Warmup,
    [property: JsonPropertyName("batch")] BatchRun Batch)
{
    /// <summary>The yardstick: the mean of the raw insert rates before and after the batch (the machine is shared).</summary>
    [JsonIgnore] public double Raw => (RawBefore + RawAfter) / 2;

    /// <summary>End-to-end lines per second ÷ <see cref="Raw"/> entities per second.</summary>
    [JsonPropertyName("ratio")] public double Ratio => Batch.LinesPerSecond / Raw;
}
