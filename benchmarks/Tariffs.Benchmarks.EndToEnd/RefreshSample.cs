using System.Text.Json.Serialization;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>One timed incremental refresh of a unit: seconds, and the CPU seconds the host and Azurite spent meanwhile (Azurite's null when it is not ours to measure).</summary>
public sealed record RefreshSample(
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("hostCpuSeconds")] double HostCpuSeconds,
    [property: JsonPropertyName("storageCpuSeconds")] double? StorageCpuSeconds);
