using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Storage.Eligibility;
using Tariffs.Testing;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// Taking the service back at scale (<c>scripts/benchmark-takeback.sh</c>): a ledger of <c>--lines</c> lines (1,000,000)
/// built on a private Azurite through the local host's batch route by claim-check (the sample Dunkerque catalog, CSS
/// for one household in <c>--eligible-every</c>), then, each timed with the peak resident set size (VmHWM, GNU
/// <c>time</c>'s %M) of the process doing the work: <c>tariffs export</c>, <c>tariffs audit</c> of that export,
/// <c>tariffs import</c> into a second, fresh Azurite, and a simulation of a price change over the whole range
/// (<c>POST /api/simulations</c>, polled to completed; the host's peak, reset before it). The equity report is
/// refreshed right after the build (its own row), so that the timer's refresh does not run beside a later step. Writes
/// <c>benchmarks/results/{timestamp}-takeback.md</c>.
/// </summary>
public static class TakebackBenchmark
{
    /// <summary>The steps after the ledger is built, in order; <c>--steps</c> picks some (audit and import need export; <c>none</c>: the ledger and the report refresh only).</summary>
    private static readonly string[] AllSteps = ["export", "audit", "import", "simulation"];

    /// <summary>Runs the benchmark with its options (<c>--lines</c>, <c>--eligible-every</c>, <c>--steps</c>, <c>--work</c>, <c>--results</c>); 0 when every step succeeded.</summary>
    public static async Task<int> RunAsync(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = RepositoryRoot.Find();
        var started = DateTime.UtcNow;
        var timestamp = started.ToString("yyyy-MM-ddTHH-mm-ssZ", CultureInfo.InvariantCulture);
        var work = Directory.CreateDirectory(options.Get("work", Path.Combine(Path.GetTempPath(), $"tariffs-takeback-{timestamp}"))).FullName;
        var results = Directory.CreateDirectory(options.Get("results", Path.Combine(root, "benchmarks", "results"))).FullName;
        var lines = options.Int("lines", 1_000_000);
        var eligibleEvery = options.Int("eligible-every", 20);
        var chosen = options.Get("steps", string.Join(',', AllSteps));
        var run = chosen == "none" ? [] : chosen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (run.Except(AllSteps).ToList() is { Count: > 0 } unknown)
            throw new ArgumentException($"--steps: unknown {string.Join(", ", unknown)} (steps: {string.Join(", ", AllSteps)})");
        if (!run.Contains("export") && (run.Contains("audit") || run.Contains("import")))
            throw new ArgumentException("--steps: audit and import read the export: add export");
        var cli = Path.Combine(root, "tools", "Tariffs.Cli", "bin", "Release", "net10.0", "tariffs.dll");
        if (!File.Exists(cli))
            throw new FileNotFoundException($"Build the command first: dotnet build tools/Tariffs.Cli -c Release ({cli})");
        void Say(string text) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {text}");
        var steps = new List<(string Step, double Seconds, double PeakMegabytes, string Notes)>();
        var loadBefore = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "";

        var source = new AzuriteFixture { HeapMegabytes = 16_384 };
        var target = new AzuriteFixture();
        await source.InitializeAsync();
        await target.InitializeAsync();
        try
        {
            await using var host = await HostProcess.StartAsync(source.ConnectionString, Path.Combine(work, "host.log"), []);
            Say($"host {host.Id} up, log {host.LogPath}");
            var catalog = await File.ReadAllTextAsync(Path.Combine(root, "samples", "catalog-dunkerque-water.json"));
            using (var content = new StringContent(catalog, Encoding.UTF8, "application/json"))
            using (var published = await host.Client.PutAsync("api/catalog", content))
                published.EnsureSuccessStatusCode();
            var eligible = await SyntheticBatch.SeedEligibilityAsync(source.ConnectionString, lines, eligibleEvery);
            Say($"{eligible:N0} eligibility windows stored");
            var seeded = Stopwatch.StartNew();
            var batchFile = Path.Combine(work, "batch.json");
            var batchId = $"takeback-{lines}-{timestamp}";
            SyntheticBatch.Write(batchFile, batchId, lines);
            Say($"batch: {lines:N0} lines, {new FileInfo(batchFile).Length / 1e6:N1} MB");
            if (ProgramEligibilityCache.Margin + TimeSpan.FromSeconds(5) - seeded.Elapsed is { Ticks: > 0 } wait)
                await Task.Delay(wait);
            host.ResetPeakWorkingSet();
            var built = await BatchRun.ClaimCheckAsync(host, source.ConnectionString, batchFile, batchId, lines, countLedger: false, recompute: true, Say);
            File.Delete(batchFile);
            steps.Add(("ledger built (claim-check batch to completed, host)", built.SecondsToCompleted, built.PeakWorkingSetMegabytes,
                $"{built.Chunks} chunks, {built.AdjustmentsReported:N0} adjustments"));
            // Refreshed here, so that no report refresh runs beside the steps below (the timer's would, on the host).
            steps.Add(("equity report refreshed after it (POST /api/reports/equity/recompute, host)", built.RefreshSeconds!.Value, built.RefreshPeakWorkingSetMegabytes!.Value,
                $"the host held {built.RefreshFloorMegabytes:N0} MB before it"));
            Say($"ledger built in {built.SecondsToCompleted:N0} s, host peak {built.PeakWorkingSetMegabytes:N0} MB; report refreshed in {built.RefreshSeconds:N0} s, peak {built.RefreshPeakWorkingSetMegabytes:N0} MB");

            var export = Path.Combine(work, "export");
            if (run.Contains("export"))
            {
                var (exportSeconds, exportPeak, exportOutput) = await MeasureAsync(cli, ["export", export, "--connection", source.ConnectionString], work, "export", Say);
                var exportBytes = Directory.EnumerateFiles(export, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                var ledgerRows = RowsOf(export, "ledger");
                steps.Add(("`tariffs export`", exportSeconds, exportPeak, $"{exportBytes / 1e6:N0} MB written; ledger table {ledgerRows:N0} rows; {Last(exportOutput, "exported")}"));
            }

            if (run.Contains("audit"))
            {
                var (auditSeconds, auditPeak, auditOutput) = await MeasureAsync(cli, ["audit", export], work, "audit", Say);
                steps.Add(("`tariffs audit EXPORT`", auditSeconds, auditPeak, Last(auditOutput, "audited")));
            }

            if (run.Contains("import"))
            {
                var (importSeconds, importPeak, importOutput) = await MeasureAsync(cli, ["import", export, "--connection", target.ConnectionString], work, "import", Say);
                steps.Add(("`tariffs import` (fresh Azurite)", importSeconds, importPeak, Last(importOutput, "imported")));
            }

            if (run.Contains("simulation"))
            {
                host.ResetPeakWorkingSet();
                var floor = host.WorkingSetBytes() / 1e6;
                var (simulationSeconds, countedSeconds, simulation) = await SimulateAsync(host, catalog, Say);
                steps.Add(("simulation of a price change over the range (host)", simulationSeconds, host.PeakWorkingSetBytes() / 1e6,
                    $"state {simulation["state"]}, {simulation["linesDone"]} of {simulation["linesTotal"]} lines (counted after {countedSeconds:N0} s), {simulation["linesRefused"]} refused; the host held {floor:N0} MB before it"));
            }
        }
        finally
        {
            await source.DisposeAsync();
            await target.DisposeAsync();
        }

        var markdown = Path.Combine(results, $"{timestamp}-takeback.md");
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# Taking the service back: {lines:N0}-line ledger\n\n")
            .Append(CultureInfo.InvariantCulture, $"Run {started:yyyy-MM-dd HH:mm} UTC with `bash scripts/benchmark-takeback.sh --lines {lines}{(run.Length == AllSteps.Length ? "" : $" --steps {(run.Length == 0 ? "none" : string.Join(',', run))}")}`, commit {Commit(root)}; ")
            .Append(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({MachineInfo.Current(root).Cpu}), load average before: {loadBefore}, after: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "")} ")
            .Append("(the machine is shared: other work ran beside it).\n\n")
            .Append(CultureInfo.InvariantCulture, $"One yearly 2022 line per household, CSS eligibility for one household in {eligibleEvery}. Peak memory is the peak resident set size ")
            .Append("of the process doing the work: the command (GNU time %M) or the local host (VmHWM, reset before the step).\n\n")
            .Append("| step | seconds | peak RSS (MB) | notes |\n|---|---:|---:|---|\n");
        foreach (var (step, seconds, peak, notes) in steps)
            text.Append(CultureInfo.InvariantCulture, $"| {step} | {seconds:N0} | {peak:N0} | {notes.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        await File.WriteAllTextAsync(markdown, text.ToString());
        Console.WriteLine(text);
        Say($"written: {markdown}");
        return 0;
    }

    /// <summary>Runs the command under GNU time; its wall seconds, peak RSS in MB and output. Throws when it fails.</summary>
    private static async Task<(double Seconds, double PeakMegabytes, string Output)> MeasureAsync(string cli, string[] arguments, string work, string name, Action<string> say)
    {
        var timeFile = Path.Combine(work, name + ".time");
        var log = Path.Combine(work, name + ".log");
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "%e %M", "-o", timeFile, "dotnet", cli }.Concat(arguments))
            start.ArgumentList.Add(argument);
        say($"tariffs {arguments[0]} …");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await errors;
        await File.WriteAllTextAsync(log, text);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tariffs {arguments[0]} exited with {process.ExitCode}; see {log}");
        var measured = (await File.ReadAllTextAsync(timeFile)).Trim().Split('\n')[^1].Split(' ');
        var seconds = double.Parse(measured[0], CultureInfo.InvariantCulture);
        var peak = long.Parse(measured[1], CultureInfo.InvariantCulture) / 1024.0;
        say($"tariffs {arguments[0]}: {seconds:N0} s, peak {peak:N0} MB");
        return (seconds, peak, text);
    }

    /// <summary>
    /// POST /api/simulations of the CSS price of the first block from 0.34 to 0.24 over 2022, polled every second to
    /// completed or failed; seconds to then, seconds until the total was counted, and the final status.
    /// </summary>
    private static async Task<(double Seconds, double CountedSeconds, JsonObject Status)> SimulateAsync(HostProcess host, string catalog, Action<string> say)
    {
        var draft = catalog.Replace("\"blockPrices\": [0.34, null]", "\"blockPrices\": [0.24, null]", StringComparison.Ordinal);
        if (draft == catalog)
            throw new InvalidOperationException("The sample catalog's CSS block price was not found: the draft would change nothing.");
        var request = new JsonObject
        {
            ["authority"] = SyntheticBatch.Authority, ["service"] = SyntheticBatch.Service, ["from"] = "2022-01-01", ["to"] = "2022-12-31", ["draft"] = JsonNode.Parse(draft),
        };
        var watch = Stopwatch.StartNew();
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var posted = await host.Client.PostAsync("api/simulations", content);
        if (posted.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST /api/simulations answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var location = posted.Headers.Location!.ToString().TrimStart('/');
        var last = TimeSpan.Zero;
        double? counted = null;
        while (true)
        {
            var status = JsonNode.Parse(await host.Client.GetStringAsync(location))!.AsObject();
            if (counted is null && status["linesTotal"] is not null)
                say($"simulation: {status["linesTotal"]} lines counted after {(counted = watch.Elapsed.TotalSeconds):N0} s");
            if ((string?)status["state"] is "completed" or "failed")
            {
                say($"simulation {status["state"]} in {watch.Elapsed.TotalSeconds:N0} s{(status["error"] is { } error ? $": {error}" : "")}");
                return (watch.Elapsed.TotalSeconds, counted ?? watch.Elapsed.TotalSeconds, status);
            }
            if (watch.Elapsed - last > TimeSpan.FromSeconds(30))
            {
                last = watch.Elapsed;
                say($"simulation: {status["linesDone"]} of {status["linesTotal"]} lines");
            }
            await Task.Delay(1000);
        }
    }

    private static long RowsOf(string export, string table)
    {
        long rows = 0;
        foreach (var _ in File.ReadLines(Path.Combine(export, "tables", table + ".jsonl")))
            rows++;
        return rows;
    }

    private static string Last(string output, string prefix) =>
        output.Split('\n').LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Trim() ?? "";

    private static string Commit(string root)
    {
        var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = Process.Start(start)!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return commit;
    }
}
