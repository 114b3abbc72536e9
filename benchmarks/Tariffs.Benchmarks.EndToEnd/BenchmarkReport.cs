using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// Writes a run's results: <c>&lt;UTC timestamp&gt;.md</c> (figures against their targets, machine, comparison with
/// the previous run) and <c>latest.json</c> (read back by the next run to compare).
/// </summary>
public static class BenchmarkReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Reads the previous run's <c>latest.json</c>, or null.</summary>
    public static BenchmarkResults? ReadPrevious(string directory)
    {
        var path = Path.Combine(directory, "latest.json");
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<BenchmarkResults>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes both files; returns the Markdown file's path.</summary>
    public static string Write(string directory, string timestamp, BenchmarkResults results, BenchmarkResults? previous)
    {
        Directory.CreateDirectory(directory);
        var markdown = Path.Combine(directory, $"{timestamp}.md");
        File.WriteAllText(markdown, Markdown(results, previous));
        File.WriteAllText(Path.Combine(directory, "latest.json"), JsonSerializer.Serialize(results, Json) + "\n");
        return markdown;
    }

    /// <summary>The Markdown of a run.</summary>
    public static string Markdown(BenchmarkResults r, BenchmarkResults? p)
    {
        var s = new StringBuilder();
        s.AppendLine(Inv($"# Benchmark run {r.StartedAt}"));
        s.AppendLine();
        s.AppendLine(Inv($"Commit `{r.Commit}`. Machine: {r.Machine.Cores} cores, {r.Machine.Cpu}; {r.Machine.Os}; {r.Machine.DotNet}; Azurite {r.Machine.Azurite} (in memory)."));
        if (p is not null)
            s.AppendLine(Inv($"Compared with the previous run {p.StartedAt} (commit `{p.Commit}`, {p.Machine.Cores} cores, {p.Machine.Cpu})."));
        s.AppendLine();
        s.AppendLine("| figure | target | this run | met | previous run | change |");
        s.AppendLine("|---|---|---:|---|---:|---:|");
        foreach (var e in r.Engine)
        {
            var before = p?.Engine.FirstOrDefault(x => x.Benchmark == e.Benchmark);
            if (e.Benchmark == BareKernel)
                Row(s, "bare kernel lines/s on one core, BareKernel (MixedPopulation's lines, arithmetic only)", "", e.LinesPerSecond, null, before?.LinesPerSecond, "N0");
            else
                Row(s, $"engine lines/s on one core, {e.Benchmark}", "≥ 1,000,000", e.LinesPerSecond, e.LinesPerSecond >= 1_000_000, before?.LinesPerSecond, "N0");
        }
        if (KernelRatio(r) is { } ratio)
            Row(s, "bare kernel ÷ engine (BareKernel ÷ MixedPopulation lines/s, same lines, same BenchmarkDotNet run)", "≤ 3", ratio, ratio <= 3,
                p is null ? null : KernelRatio(p), "N2");
        var t = r.Throughput;
        if (r.Warmup is { } w)
            Row(s, Inv($"seconds of the new host's first batch, {w.Lines:N0} lines, POST → report (JIT and the first read of {r.EligibilityWindows:N0} eligibility windows; before the throughput batch, out of its timing)"), "", w.SecondsToReport ?? w.SecondsToCompleted, null, p?.Warmup?.SecondsToReport, "N1");
        var median = r.ThroughputSamples.Count > 1 ? Inv($" (the median of {r.ThroughputSamples.Count} samples, each on a fresh Azurite and host)") : "";
        Row(s, Inv($"end to end lines/s, {t.Lines:N0}-line batch, POST → completed → report recomputed{median}"), "", t.LinesPerSecond, null, p?.Throughput.LinesPerSecond, "N0");
        Row(s, Inv($"raw insert entities/s (sequential 100-entity transactions, {r.RawInsertEntities:N0} entities; mean of {string.Join(" and ", r.RawInsertRuns.Select(x => x.ToString("N0", CultureInfo.InvariantCulture)))}, before and after the batch)"), "", r.RawInsertEntitiesPerSecond, null, p?.RawInsertEntitiesPerSecond, "N0");
        var spread = r.ThroughputSamples.Count > 1
            ? Inv($", median of {r.ThroughputSamples.Count} samples (min {r.ThroughputSamples.Min(x => x.Ratio):N2}, max {r.ThroughputSamples.Max(x => x.Ratio):N2})")
            : "";
        Row(s, Inv($"end to end ÷ raw insert{spread}"), "≥ 0.7", r.ThroughputRatio, r.ThroughputRatio >= 0.7, p?.ThroughputRatio, "N2");
        Row(s, "storage transactions per billing line", "≤ 0.05", t.TransactionsPerLine, t.TransactionsPerLine <= 0.05, p?.Throughput.TransactionsPerLine, "N4");
        if (r.Memory is { } m && r.PeakWorkingSetMegabytes is { } peak)
        {
            Row(s, Inv($"peak working set of the host, {m.Lines:N0}-line batch (MB)"), "< 300", peak, peak < 300, p?.PeakWorkingSetMegabytes, "N0");
            Row(s, Inv($"working set of the host when the {m.Lines:N0}-line batch was submitted (MB; the peak's floor)"), "", m.StartWorkingSetMegabytes, null, p?.Memory?.StartWorkingSetMegabytes, "N0");
            Row(s, Inv($"peak working set of the host, {t.Lines:N0}-line batch (MB)"), "", t.PeakWorkingSetMegabytes, null, p?.Throughput.PeakWorkingSetMegabytes, "N0");
            Row(s, Inv($"peak working set, {m.Lines:N0}-line ÷ {t.Lines:N0}-line batch"), "≤ 1.3", peak / t.PeakWorkingSetMegabytes, peak / t.PeakWorkingSetMegabytes <= 1.3, null, "N2");
            Row(s, Inv($"end to end lines/s, {m.Lines:N0}-line batch (claim-check → completed)"), "", m.LinesPerSecond, null, p?.Memory?.LinesPerSecond, "N0");
            Row(s, Inv($"storage transactions per billing line, {m.Lines:N0}-line batch"), "≤ 0.05", m.TransactionsPerLine, m.TransactionsPerLine <= 0.05, p?.Memory?.TransactionsPerLine, "N4");
        }
        if (r.Growth is { } g)
        {
            Row(s, Inv($"incremental refresh peak working set, largest ÷ smallest over {g.Steps.Count} growing-ledger batches"), "≤ 1.3", g.RefreshPeakSpread, g.RefreshPeakSpread <= 1.3, p?.Growth?.RefreshPeakSpread, "N2");
            Row(s, Inv($"incremental refresh time (each step the median of {1 + LedgerGrowth.RefreshRepeats} refreshes of its unit), largest ÷ smallest over {g.Steps.Count} growing-ledger batches"), "≤ 1.3", g.RefreshTimeSpread, g.RefreshTimeSpread <= 1.3, p?.Growth?.RefreshTimeSpread, "N2");
            Row(s, Inv($"end to end ÷ raw insert into a small fresh table ({r.RawInsertEntities:N0} entities), median of {g.Ratios.Count} interleaved samples (min {g.Ratios.Min():N2}, max {g.Ratios.Max():N2})"), "≥ 0.7", g.RatioMedian, g.RatioMedian >= 0.7, p?.Growth?.RatioMedian, "N2");
            if (g.GrownRatioMedian is { } grown)
                Row(s, Inv($"end to end ÷ raw insert into a table grown like the ledger (each sample as many entities as its batch's lines, over the same table sizes, keys spread like the ledger's), median of {g.GrownRatios.Count} (min {g.GrownRatios.Min():N2}, max {g.GrownRatios.Max():N2})"), "≥ 0.7", grown, grown >= 0.7, p?.Growth?.GrownRatioMedian, "N2");
        }
        s.AppendLine();
        if (r.Growth is { } growth)
        {
            s.AppendLine("## Growing ledger: incremental refresh against full rebuild");
            s.AppendLine();
            s.AppendLine("| batch | ledger lines | s to completed | refresh s: median (samples) | repeated refreshes, CPU s host / Azurite | refresh peak MB (floor before it) | rebuild s | rebuild peak MB | end to end lines/s | raw small table before → after | ratio (small table) | raw grown table | ratio (grown table) | transactions/line |");
            s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (step, i) in growth.Steps.Select((x, i) => (x, i)))
                s.AppendLine(Inv($"| {step.Batch} | {step.LedgerLines:N0} | {step.SecondsToCompleted:N1} | {step.RefreshMedianSeconds:N1}{(step.RefreshSamples is { } samples ? " (" + string.Join(", ", samples.Select(r => r.ToString("N1", CultureInfo.InvariantCulture))) + ")" : "")} | {(step.RepeatedRefreshes is { } repeated ? string.Join(", ", repeated.Select(r => Inv($"{r.HostCpuSeconds:N1} / {r.StorageCpuSeconds:N1}"))) : "")} | {step.RefreshPeakMegabytes:N0} ({step.RefreshFloorMegabytes:N0}) | {step.RebuildSeconds:N1} | {step.RebuildPeakMegabytes:N0} | {step.LinesPerSecond:N0} | {growth.RawInsertSamples[i]:N0} → {growth.RawInsertSamples[i + 1]:N0} | {growth.Ratios[i]:N2} | {(growth.GrownRawInsertSamples is { } g2 ? g2[i].ToString("N0", CultureInfo.InvariantCulture) : "")} | {(growth.GrownRatios.Count > i ? growth.GrownRatios[i].ToString("N2", CultureInfo.InvariantCulture) : "")} | {step.TransactionsPerLine:N4} |"));
            s.AppendLine();
        }
        if (r.ThroughputSamples.Count > 1)
        {
            s.AppendLine(Inv($"## Throughput samples: {t.Lines:N0}-line batch, each on a fresh Azurite and host"));
            s.AppendLine();
            s.AppendLine("| sample | raw before → after, entities/s | first batch s | s to completed | s to report | end to end lines/s | ratio | host CPU s / Azurite CPU s to completed | transactions/line |");
            s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (x, i) in r.ThroughputSamples.Select((x, i) => (x, i + 1)))
                s.AppendLine(Inv($"| {i} | {x.RawBefore:N0} → {x.RawAfter:N0} | {(x.Warmup?.SecondsToReport is { } first ? first.ToString("N1", CultureInfo.InvariantCulture) : "")} | {x.Batch.SecondsToCompleted:N1} | {x.Batch.SecondsToReport:N1} | {x.Batch.LinesPerSecond:N0} | {x.Ratio:N2} | {x.Batch.HostCpuSeconds:N1} / {x.Batch.StorageCpuSeconds:N1} | {x.Batch.TransactionsPerLine:N4} |"));
            s.AppendLine();
        }
        s.AppendLine(LoadModel.Markdown());
        s.AppendLine("## Batches");
        s.AppendLine();
        s.AppendLine("| lines | chunks | s to completed | s to report | host CPU s to completed | Azurite CPU s to completed | storage transactions | ledger lines | ledger adjustments | adjustments (status) |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var b in new[] { r.Throughput, r.Memory }.OfType<BatchRun>())
            s.AppendLine(Inv($"| {b.Lines:N0} | {b.Chunks:N0} | {b.SecondsToCompleted:N1} | {(b.SecondsToReport is { } report ? report.ToString("N1", CultureInfo.InvariantCulture) : "not recomputed")} | {b.HostCpuSeconds:N1} | {b.StorageCpuSeconds:N1} | {b.StorageTransactions:N0} | {(b.LedgerLines > 0 ? b.LedgerLines.ToString("N0", CultureInfo.InvariantCulture) : "not counted")} | {(b.LedgerLines > 0 ? b.LedgerAdjustments.ToString("N0", CultureInfo.InvariantCulture) : "")} | {b.AdjustmentsReported:N0} |"));
        s.AppendLine();
        s.AppendLine(Inv($"Batches: the sample Dunkerque catalog, one yearly line per household, {r.EligiblePercent:0.#}% of households with a CSS flag. ")
            + "Storage transactions are the requests of the app's storage clients (an entity group transaction counts one), counted by "
            + "`StorageTransactionPolicy` from the POST to the report, read from the host's console metric exporter; the queue trigger's own "
            + "polling (WebJobs' clients, the Functions host's in Azure) is not in them. Peak working set is VmHWM of the host process, reset "
            + "before the memory batch and read when it is completed (the memory batch is sent by claim-check, as a batch too large for an "
            + "HTTP request is, and its report is not recomputed: that reads the whole ledger and is not the batch's cost).");
        return s.ToString();
    }

    /// <summary>The benchmark that prices MixedPopulation's lines with the arithmetic alone (issue 16 item 3).</summary>
    private const string BareKernel = "BareKernel";

    /// <summary>BareKernel lines/s ÷ MixedPopulation lines/s, or null when the run lacks either.</summary>
    private static double? KernelRatio(BenchmarkResults r) =>
        r.Engine.FirstOrDefault(e => e.Benchmark == "MixedPopulation") is { } mixed && r.Engine.FirstOrDefault(e => e.Benchmark == BareKernel) is { } kernel
            ? kernel.LinesPerSecond / mixed.LinesPerSecond
            : null;

    private static void Row(StringBuilder s, string figure, string target, double value, bool? met, double? previous, string format)
    {
        var change = previous is { } b && b != 0 ? ((value - b) / b).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "";
        s.AppendLine(Inv($"| {figure} | {target} | {value.ToString(format, CultureInfo.InvariantCulture)} | {(met is null ? "" : met.Value ? "yes" : "**no**")} | {previous?.ToString(format, CultureInfo.InvariantCulture) ?? ""} | {change} |"));
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
