using System.Diagnostics;
using System.Globalization;
using Tariffs.Benchmarks.EndToEnd;
using Tariffs.Storage.Eligibility;
using Tariffs.Testing;

// End-to-end benchmark on a private Azurite and local host; run through scripts/benchmark.sh, which runs the engine
// benchmark first and passes its artifacts. Options: --lines N (100000), --memory-lines N (1000000; 0 skips),
// --raw-entities N (20000), --growth-batches N (5; 0 skips), --growth-lines N (100000),
// --warmup-lines N (2000: a batch of N lines priced before the measured one, out of its timing; 0 skips),
// --throughput-samples N (3: the throughput batch's samples, each on a fresh Azurite and host; the ratio is their median), --eligible-every N (20: one household in 20 is eligible for the CSS program), --engine-artifacts DIR,
// --results DIR (benchmarks/results), --work DIR (temporary files and the host's log).
var options = Options.Parse(args);
if (options.Get("mode", "") == "takeback") // scripts/benchmark-takeback.sh: export, audit, import and simulation of a large ledger
{
    Environment.ExitCode = await TakebackBenchmark.RunAsync(options);
    return;
}
if (options.Get("mode", "") == "builder") // the equity report builder alone: its memory and time for a unit of --households households
{
    ReportBuilderProbe.Run(options);
    return;
}
if (options.Get("mode", "") == "rows") // what a ledger line row's shape costs Azurite: packed details against every column apart
{
    await RowShapeProbe.RunAsync(options);
    return;
}
var root = RepositoryRoot.Find();
var started = DateTime.UtcNow;
var commit = Commit(root);
var timestamp = started.ToString("yyyy-MM-ddTHH-mm-ssZ", CultureInfo.InvariantCulture);
var work = Directory.CreateDirectory(options.Get("work", Path.Combine(Path.GetTempPath(), $"tariffs-bench-{timestamp}"))).FullName;
var resultsDirectory = Path.GetFullPath(options.Get("results", Path.Combine(root, "benchmarks", "results")));
var lines = options.Int("lines", 100_000);
var memoryLines = options.Int("memory-lines", 1_000_000);
var rawEntities = options.Int("raw-entities", 20_000);
var eligibleEvery = options.Int("eligible-every", 20);
var growthBatches = options.Int("growth-batches", 5);
var growthLines = options.Int("growth-lines", 100_000);
var warmupLines = options.Int("warmup-lines", 2_000);
var throughputSamples = Math.Max(1, options.Int("throughput-samples", 3));
void Say(string text) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {text}");

Console.WriteLine(LoadModel.Markdown());
var engine = options.Has("engine-artifacts") ? EngineResult.Read(options.Get("engine-artifacts", "")) : [];
Say($"engine: {string.Join(", ", engine.Select(e => $"{e.Benchmark} {e.LinesPerSecond:N0} lines/s"))}");

// Households 1 … households are the batches'; the new host's first batch bills the next ones.
var households = new[] { lines, memoryLines, growthLines }.Max();
var samples = new List<ThroughputSample>();
BenchmarkStack? stack = null;
try
{
    // The end-to-end ratio is the median of samples, each on a fresh Azurite and host: the same work into the same
    // empty ledger every time (a ledger that grows slows Azurite's inserts), its yardstick measured right before and after.
    for (var sample = 1; sample <= throughputSamples; sample++)
    {
        if (stack is not null)
            await stack.DisposeAsync();
        stack = await BenchmarkStack.StartAsync(root, Path.Combine(work, $"host-{sample}.log"), households + warmupLines, eligibleEvery);
        var host = stack.Host;
        Say($"sample {sample}: host {host.Id} up, log {host.LogPath}; {stack.EligibilityWindows:N0} eligibility windows stored");
        var rawBefore = await stack.RawAsync(rawEntities, $"before-{sample}", Say);

        BatchRun? warmup = null;
        if (warmupLines > 0)
        {
            // Like the raw yardstick's untimed warm-up: the host's first batch pays for JIT compilation and the first
            // full read of the eligibility cache, once per process, not per batch. Households of its own, billed in 2022.
            var warmupFile = Path.Combine(work, "warmup.json");
            var warmupId = $"warmup-{warmupLines}-{timestamp}-{sample}";
            SyntheticBatch.Write(warmupFile, warmupId, warmupLines, firstHousehold: households + 1);
            warmup = await BatchRun.PostAsync(host, stack.ConnectionString, warmupFile, warmupId, warmupLines, countLedger: false, _ => { });
            Say($"warm-up batch (not timed): {warmupLines:N0} lines in {warmup.SecondsToReport:N1} s, {warmup.AdjustmentsReported:N0} adjustments");
            File.Delete(warmupFile);
        }

        var batchFile = Path.Combine(work, "batch.json");
        var batchId = $"bench-{lines}-{timestamp}-{sample}";
        SyntheticBatch.Write(batchFile, batchId, lines);
        Say($"throughput batch: {lines:N0} lines, {new FileInfo(batchFile).Length / 1e6:N1} MB");
        // Eligibility is decided long before billing: let the windows age past the margin the eligibility cache re-reads.
        if (ProgramEligibilityCache.Margin + TimeSpan.FromSeconds(5) - stack.Seeded.Elapsed is { Ticks: > 0 } wait)
            await Task.Delay(wait);
        var throughput = await BatchRun.PostAsync(host, stack.ConnectionString, batchFile, batchId, lines, countLedger: true, Say);
        File.Delete(batchFile);
        var rawAfter = await stack.RawAsync(rawEntities, $"after-{sample}", Say);
        samples.Add(new ThroughputSample(rawBefore, rawAfter, warmup, throughput));
        Say($"sample {sample}: {throughput.LinesPerSecond:N0} lines/s ({samples[^1].Ratio:N2} of raw), {throughput.TransactionsPerLine:N4} storage transactions/line");
    }
    var median = samples.OrderBy(x => x.Ratio).ElementAt(samples.Count / 2);
    Say($"throughput: end to end ÷ raw median {median.Ratio:N2} (min {samples.Min(x => x.Ratio):N2}, max {samples.Max(x => x.Ratio):N2}) over {samples.Count} samples");

    // The growth and memory batches run on the last sample's host.
    var connectionString = stack!.ConnectionString;
    LedgerGrowth? growth = null;
    if (growthBatches > 0)
    {
        // Each batch bills a year of its own (2023 onwards): new work in a new report unit, on a ledger that grows.
        growth = await LedgerGrowth.RunAsync(stack.Host, connectionString, work, timestamp, growthBatches, growthLines, rawEntities, 2023, lines, Say);
        Say($"growth: incremental refresh peak spread {growth.RefreshPeakSpread:N2}× (target ≤ 1.3), end to end ÷ raw median, small table {growth.RatioMedian:N2} (min {growth.Ratios.Min():N2}, max {growth.Ratios.Max():N2}), table grown like the ledger {growth.GrownRatioMedian:N2} (min {growth.GrownRatios.Min():N2}, max {growth.GrownRatios.Max():N2}); target ≥ 0.7");
    }

    BatchRun? memory = null;
    double? peakMegabytes = null;
    if (memoryLines > 0)
    {
        var memoryFile = Path.Combine(work, "memory-batch.json");
        var memoryId = $"bench-{memoryLines}-{timestamp}";
        SyntheticBatch.Write(memoryFile, memoryId, memoryLines);
        Say($"memory batch: {memoryLines:N0} lines, {new FileInfo(memoryFile).Length / 1e6:N1} MB");
        if (!stack.Host.ResetPeakWorkingSet())
            Say("could not reset the peak working set: it includes the throughput batch");
        // Completed is what is measured here: the report's recompute and a count of a million ledger rows read the
        // whole table, which on Azurite takes many minutes and is not the batch's cost (the status gives the counts).
        memory = await BatchRun.ClaimCheckAsync(stack.Host, connectionString, memoryFile, memoryId, memoryLines, countLedger: false, recompute: false, Say);
        peakMegabytes = memory.PeakWorkingSetMegabytes;
        Say($"memory batch: {memory.LinesPerSecond:N0} lines/s, peak working set {peakMegabytes:N0} MB (working set at submission {memory.StartWorkingSetMegabytes:N0} MB)");
        File.Delete(memoryFile);
    }

    var results = new BenchmarkResults
    {
        StartedAt = started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        Commit = commit,
        Machine = MachineInfo.Current(root),
        Engine = engine,
        RawInsertEntitiesPerSecond = median.Raw,
        RawInsertRuns = [median.RawBefore, median.RawAfter],
        RawInsertEntities = rawEntities,
        EligiblePercent = 100.0 / eligibleEvery,
        Throughput = median.Batch,
        ThroughputSamples = samples,
        Warmup = median.Warmup,
        EligibilityWindows = stack.EligibilityWindows,
        Memory = memory,
        Growth = growth,
        PeakWorkingSetMegabytes = peakMegabytes,
    };
    var previous = BenchmarkReport.ReadPrevious(resultsDirectory);
    var markdown = BenchmarkReport.Write(resultsDirectory, timestamp, results, previous);
    Console.WriteLine();
    Console.WriteLine(File.ReadAllText(markdown));
    Say($"written: {markdown} and {Path.Combine(resultsDirectory, "latest.json")}");
}
finally
{
    if (stack is not null)
        await stack.DisposeAsync();
}

static string Commit(string root)
{
    try
    {
        string Git(string arguments)
        {
            var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        var commit = Git("rev-parse --short HEAD");
        return Git("status --porcelain --untracked-files=no").Length > 0 ? commit + "+dirty" : commit;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}
