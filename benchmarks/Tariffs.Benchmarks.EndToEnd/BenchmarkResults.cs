using System.Text.Json.Serialization;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>Everything one run measured, as written to <c>benchmarks/results/latest.json</c>.</summary>
public sealed record BenchmarkResults
{
    /// <summary>UTC time the run started, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    [JsonPropertyName("startedAt")] public required string StartedAt { get; init; }

    /// <summary>The commit measured (with "+dirty" when the work tree had changes).</summary>
    [JsonPropertyName("commit")] public required string Commit { get; init; }

    [JsonPropertyName("machine")] public required MachineInfo Machine { get; init; }

    /// <summary>Engine benchmarks (BenchmarkDotNet, one core).</summary>
    [JsonPropertyName("engine")] public required IReadOnlyList<EngineResult> Engine { get; init; }

    /// <summary>Entities per second stored by sequential 100-entity transactions on the same Azurite, before and after the throughput batch (of the median sample).</summary>
    [JsonPropertyName("rawInsertRuns")] public IReadOnlyList<double> RawInsertRuns { get; init; } = [];

    /// <summary>Mean of <see cref="RawInsertRuns"/>: the yardstick of the throughput ratio.</summary>
    [JsonPropertyName("rawInsertEntitiesPerSecond")] public required double RawInsertEntitiesPerSecond { get; init; }

    /// <summary>Entities inserted to measure <see cref="RawInsertEntitiesPerSecond"/>.</summary>
    [JsonPropertyName("rawInsertEntities")] public required int RawInsertEntities { get; init; }

    /// <summary>Eligible share of the households of the batches (CSS flags), in percent.</summary>
    [JsonPropertyName("eligiblePercent")] public required double EligiblePercent { get; init; }

    /// <summary>
    /// The new host's first batch (2,000 lines by default) of the median sample, before the throughput batch and out of its timing, as the raw
    /// insert's warm-up is out of the yardstick's: JIT compilation and the first full read of the program's eligibility
    /// (<see cref="EligibilityWindows"/> rows), paid once per process, not per batch. Null when skipped.
    /// </summary>
    [JsonPropertyName("warmup")] public BatchRun? Warmup { get; init; }

    /// <summary>Eligibility windows stored before the batches (one program's partition, read whole by the host's first batch).</summary>
    [JsonPropertyName("eligibilityWindows")] public int EligibilityWindows { get; init; }

    /// <summary>The throughput batch (100,000 lines by default) of the median sample.</summary>
    [JsonPropertyName("throughput")] public required BatchRun Throughput { get; init; }

    /// <summary>Every sample of the throughput batch, each on a fresh Azurite and host; empty in runs before there were several.</summary>
    [JsonPropertyName("throughputSamples")] public IReadOnlyList<ThroughputSample> ThroughputSamples { get; init; } = [];

    /// <summary>Lines per second end to end ÷ raw insert entities per second, of the median sample.</summary>
    [JsonPropertyName("throughputRatio")] public double ThroughputRatio => Throughput.LinesPerSecond / RawInsertEntitiesPerSecond;

    /// <summary>The memory batch (1,000,000 lines by default), or null when skipped.</summary>
    [JsonPropertyName("memory")] public BatchRun? Memory { get; init; }

    /// <summary>The growing ledger: incremental refresh against full rebuild after each batch, or null when skipped.</summary>
    [JsonPropertyName("growth")] public LedgerGrowth? Growth { get; init; }

    /// <summary>Peak working set (VmHWM) of the host process during the memory batch, in MB (10⁶ bytes).</summary>
    [JsonPropertyName("peakWorkingSetMegabytes")] public double? PeakWorkingSetMegabytes { get; init; }
}
