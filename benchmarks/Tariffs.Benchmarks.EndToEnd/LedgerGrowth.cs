using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Reports;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// The ledger grown batch after batch (each a new year: a new report unit), with two raw insert yardsticks,
/// interleaved: into a small table (<see cref="RawInsertSamples"/>, <c>--raw-entities</c> each, before the first batch
/// and after each), and into a table grown like the ledger, with keys spread like the ledger's (<see cref="GrownRawInsertSamples"/>: filled, untimed, with
/// as many entities as the ledger had lines before the first batch, then right before each batch as many entities as
/// the batch has lines, so sample i inserts over the same table sizes as batch i — Azurite's insert cost grows with the
/// table; the ledger's 0.05 item rows per line are not counted). After each batch, the incremental refresh (time and
/// the host's peak working set during it alone), then a full rebuild (POST /api/reports/equity/recompute?mode=rebuild:
/// the whole ledger re-projected and every unit recomputed) for comparison; between the two, <see cref="RefreshRepeats"/>
/// more incremental refreshes of the batch's unit, marked dirty again, so that each step's refresh time is a median. The
/// incremental figures must stay flat as the ledger grows; the rebuild's grow with it. The host's refresh code is warmed
/// up first (<see cref="WarmUpRefreshes"/>).
/// </summary>
public sealed record LedgerGrowth(
    [property: JsonPropertyName("steps")] IReadOnlyList<GrowthStep> Steps,
    [property: JsonPropertyName("rawInsertSamples")] IReadOnlyList<double> RawInsertSamples,
    [property: JsonPropertyName("grownRawInsertSamples")] IReadOnlyList<double>? GrownRawInsertSamples)
{
    /// <summary>Largest ÷ smallest incremental refresh peak working set over the steps (target ≤ 1.3).</summary>
    [JsonPropertyName("refreshPeakSpread")] public double RefreshPeakSpread => Steps.Max(s => s.RefreshPeakMegabytes) / Steps.Min(s => s.RefreshPeakMegabytes);

    /// <summary>Timed refreshes of a step's unit after the first one (marked dirty again right after it).</summary>
    public const int RefreshRepeats = 4;

    /// <summary>
    /// Untimed refreshes of the throughput batch's unit (year <c>firstYear - 1</c>) before the first step: a host's first
    /// refreshes run code the JIT has not optimised yet (a run's first step took 1.3, 1.4 then 0.8 s, the later steps
    /// 0.7–1.1 s), which is warm-up, not the ledger's growth.
    /// </summary>
    public const int WarmUpRefreshes = 5;

    /// <summary>Largest ÷ smallest of the steps' median incremental refresh times (<see cref="GrowthStep.RefreshMedianSeconds"/>).</summary>
    [JsonPropertyName("refreshTimeSpread")] public double RefreshTimeSpread => Steps.Max(s => s.RefreshMedianSeconds) / Steps.Min(s => s.RefreshMedianSeconds);

    /// <summary>End-to-end ratios against the small table: each batch's lines/s (POST → completed → refreshed) ÷ the mean of the small-table raw samples right before and after it.</summary>
    [JsonPropertyName("ratios")] public IReadOnlyList<double> Ratios => [.. Steps.Select((s, i) => s.LinesPerSecond / ((RawInsertSamples[i] + RawInsertSamples[i + 1]) / 2))];

    /// <summary>Median of <see cref="Ratios"/> (target ≥ 0.7).</summary>
    [JsonPropertyName("ratioMedian")] public double RatioMedian => Median(Ratios);

    /// <summary>End-to-end ratios against the table grown like the ledger: each batch's lines/s ÷ the grown-table sample taken right before it over the same table sizes; empty in runs before it existed.</summary>
    [JsonPropertyName("grownRatios")] public IReadOnlyList<double> GrownRatios => GrownRawInsertSamples is { } grown ? [.. Steps.Select((s, i) => s.LinesPerSecond / grown[i])] : [];

    /// <summary>Median of <see cref="GrownRatios"/> (target ≥ 0.7), or null in runs before it existed.</summary>
    [JsonPropertyName("grownRatioMedian")] public double? GrownRatioMedian => GrownRatios.Count > 0 ? Median(GrownRatios) : null;

    /// <summary>Runs <paramref name="batches"/> batches of <paramref name="lines"/> lines, years <paramref name="firstYear"/> onwards.</summary>
    public static async Task<LedgerGrowth> RunAsync(HostProcess host, string connectionString, string work, string timestamp, int batches, int lines, int rawEntities,
        int firstYear, long ledgerBefore, Action<string> say)
    {
        var raw = new List<double> { await RawInsertBenchmark.EntitiesPerSecondAsync(connectionString, rawEntities, $"growth-{timestamp}-0") };
        await RawInsertBenchmark.FillGrownAsync(connectionString, checked((int)ledgerBefore), $"growth-{timestamp}-fill");
        // Untimed: the release of the earlier batch's unit, due once its writes have settled, so that each step's timed
        // refresh does the same work — its own batch's unit — instead of the first one doing two.
        using (var settled = await host.Client.PostAsync("api/reports/equity/recompute", null))
            settled.EnsureSuccessStatusCode();
        var units = new ReportUnitStore(new TableServiceClient(connectionString));
        for (var warmUp = 0; warmUp < WarmUpRefreshes; warmUp++)
            await RefreshAgainAsync(host, units, new ReportUnit(SyntheticBatch.Authority, SyntheticBatch.Service, firstYear - 1));
        var grown = new List<double>();
        var steps = new List<GrowthStep>();
        var ledger = ledgerBefore;
        for (var i = 1; i <= batches; i++)
        {
            var file = Path.Combine(work, $"growth-{i}.json");
            var batchId = $"growth-{i}-{timestamp}";
            SyntheticBatch.Write(file, batchId, lines, firstYear + i - 1);
            var storageCpu = host.StorageCpuTime();
            grown.Add(await RawInsertBenchmark.GrownEntitiesPerSecondAsync(connectionString, lines, $"growth-{timestamp}-{i}"));
            var grownCpu = host.StorageCpuTime() - storageCpu is { } used ? $", Azurite CPU {used.TotalMicroseconds / lines:N0} µs per entity" : "";
            say(string.Create(CultureInfo.InvariantCulture, $"growth {i}: raw insert into a table of {ledger:N0} → {ledger + lines:N0} entities: {grown[^1]:N0} entities/s{grownCpu}"));
            var run = await BatchRun.PostAsync(host, connectionString, file, batchId, lines, countLedger: false, say);
            File.Delete(file);
            ledger += lines;
            // On the same state as the first refresh: right after it, before the raw sample and the rebuild (after a rebuild of
            // 600,000 lines the same unit's refresh took 2.6 and 2.7 s against 1.2 s before it).
            var repeats = new List<RefreshSample>();
            for (var repeat = 0; repeat < RefreshRepeats; repeat++)
                repeats.Add(await RefreshAgainAsync(host, units, new ReportUnit(SyntheticBatch.Authority, SyntheticBatch.Service, firstYear + i - 1)));
            raw.Add(await RawInsertBenchmark.EntitiesPerSecondAsync(connectionString, rawEntities, $"growth-{timestamp}-{i}"));

            host.ResetPeakWorkingSet();
            var watch = Stopwatch.StartNew();
            using (var rebuilt = await host.Client.PostAsync("api/reports/equity/recompute?mode=rebuild", null))
                if (!rebuilt.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Rebuild answered {(int)rebuilt.StatusCode}");
            var (rebuildSeconds, rebuildPeak) = (watch.Elapsed.TotalSeconds, host.PeakWorkingSetBytes() / 1e6);
            var step = new GrowthStep(i, ledger, run.SecondsToCompleted, run.RefreshSeconds!.Value, run.RefreshPeakWorkingSetMegabytes!.Value,
                rebuildSeconds, rebuildPeak, run.LinesPerSecond, run.TransactionsPerLine) { RefreshFloorMegabytes = run.RefreshFloorMegabytes, RepeatedRefreshes = repeats };
            steps.Add(step);
            say(string.Create(CultureInfo.InvariantCulture,
                $"growth {i}: ledger {ledger:N0} lines; incremental refresh {step.RefreshMedianSeconds:N1} s (median of {string.Join(", ", step.RefreshSamples!.Select(r => r.ToString("N1", CultureInfo.InvariantCulture)))}; CPU s of the repeats, host / Azurite: {string.Join(", ", repeats.Select(r => $"{r.HostCpuSeconds:N1} / {r.StorageCpuSeconds:N1}"))}), peak {step.RefreshPeakMegabytes:N0} MB (floor before it {step.RefreshFloorMegabytes:N0} MB); rebuild {step.RebuildSeconds:N1} s, peak {step.RebuildPeakMegabytes:N0} MB; end to end {step.LinesPerSecond:N0} lines/s, raw small table {raw[^2]:N0} → {raw[^1]:N0} entities/s ({step.LinesPerSecond / ((raw[^2] + raw[^1]) / 2):N2}), grown table {grown[^1]:N0} ({step.LinesPerSecond / grown[^1]:N2})"));
        }
        return new LedgerGrowth(steps, raw, grown);
    }

    /// <summary>Marks <paramref name="unit"/> dirty and times the host's incremental refresh of it (POST /api/reports/equity/recompute), with the host's and Azurite's CPU meanwhile.</summary>
    private static async Task<RefreshSample> RefreshAgainAsync(HostProcess host, ReportUnitStore units, ReportUnit unit)
    {
        await units.MarkDirtyAsync([unit], CancellationToken.None);
        var (hostCpu, storageCpu) = (host.CpuTime(), host.StorageCpuTime());
        var watch = Stopwatch.StartNew();
        using var refreshed = await host.Client.PostAsync("api/reports/equity/recompute", null);
        var sample = new RefreshSample(watch.Elapsed.TotalSeconds, (host.CpuTime() - hostCpu).TotalSeconds, (host.StorageCpuTime() - storageCpu)?.TotalSeconds);
        if (!refreshed.IsSuccessStatusCode)
            throw new InvalidOperationException($"Refresh answered {(int)refreshed.StatusCode}");
        // The unit must have been recomputed: a refresh that found nothing due stores no cell and times nothing.
        if ((int?)JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())?["cells"] is not > 0)
            throw new InvalidOperationException($"The refresh of {unit} marked dirty stored no cell.");
        return sample;
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
