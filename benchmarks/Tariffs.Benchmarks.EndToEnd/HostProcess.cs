using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tariffs.Testing;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// The built local host (Release) as a separate process on a free port, its output in a log file, with the console
/// metric exporter on (every second) so that the storage transaction counter can be read from its output. Timers
/// are effectively off; the equity report is recomputed on request.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    /// <summary>The function key the host is started with.</summary>
    public const string FunctionKey = "bench-key";

    /// <summary>The metric export interval asked of the host.</summary>
    public static readonly TimeSpan MetricInterval = TimeSpan.FromSeconds(1);

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly object gate = new();

    private HostProcess(Process process, string logPath, Uri baseAddress)
    {
        this.process = process;
        LogPath = logPath;
        log = new StreamWriter(logPath, append: false, Encoding.UTF8);
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
        Client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    /// <summary>Authorised client of the host.</summary>
    public HttpClient Client { get; }

    /// <summary>Where the host's output goes.</summary>
    public string LogPath { get; }

    /// <summary>The host's process id.</summary>
    public int Id => process.Id;

    /// <summary>Starts the host and waits until it answers /api/health.</summary>
    public static async Task<HostProcess> StartAsync(string connectionString, string logPath, IEnumerable<string> extraArguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = LocalHostStartInfo.Create("Release", connectionString, baseAddress, FunctionKey, new[]
        {
            "--Tariffs:Telemetry:Console=true",
            $"--Tariffs:Telemetry:MetricExportIntervalMilliseconds={MetricInterval.TotalMilliseconds}",
        }.Concat(extraArguments));

        var host = new HostProcess(Process.Start(start)!, logPath, baseAddress);
        host.process.OutputDataReceived += (_, e) => host.Write(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (host.process.HasExited)
                throw new InvalidOperationException($"The local host exited with code {host.process.ExitCode}; see {logPath}");
            try
            {
                using var response = await host.Client.GetAsync("api/health");
                if (response.IsSuccessStatusCode)
                    return host;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The local host did not answer /api/health; see {logPath}");
            await Task.Delay(250);
        }
    }

    /// <summary>The storage emulator's process id (Azurite), when known: its CPU time is read beside the host's.</summary>
    public int? StorageProcessId { get; set; }

    /// <summary>CPU time (user and system) the host process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>CPU time the storage emulator has used so far, or null when its process is not known.</summary>
    public TimeSpan? StorageCpuTime()
    {
        if (StorageProcessId is not { } id)
            return null;
        using var storage = Process.GetProcessById(id);
        return storage.TotalProcessorTime;
    }

    /// <summary>Peak resident set size of the host process so far (VmHWM), in bytes.</summary>
    public long PeakWorkingSetBytes() => StatusKilobytes("VmHWM") * 1024;

    /// <summary>Resident set size of the host process now (VmRSS), in bytes.</summary>
    public long WorkingSetBytes() => StatusKilobytes("VmRSS") * 1024;

    /// <summary>Resets the peak resident set size to the current one (Linux: 5 into /proc/pid/clear_refs); false when refused.</summary>
    public bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The storage transactions the host counted so far: the sum over storage services of the last export of
    /// <c>tariffs.storage.transactions</c> in its console output, after waiting for an export that follows this call.
    /// </summary>
    public async Task<long> StorageTransactionsAsync()
    {
        var exports = CountExports();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (CountExports() < exports + 2)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No metric export from the host; see {LogPath}");
            await Task.Delay(200);
        }
        var text = ReadLog();
        var last = text.LastIndexOf(StorageMetricHeader, StringComparison.Ordinal);
        var block = text[last..];
        var end = block.IndexOf("Resource associated with Metrics", StringComparison.Ordinal);
        return ValueLine().Matches(end < 0 ? block : block[..end]).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Client.Dispose();
        lock (gate)
            log.Dispose();
    }

    private const string StorageMetricHeader = "Metric Name: tariffs.storage.transactions,";

    private int CountExports()
    {
        var text = ReadLog();
        var count = 0;
        for (var i = text.IndexOf(StorageMetricHeader, StringComparison.Ordinal); i >= 0; i = text.IndexOf(StorageMetricHeader, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    private string ReadLog()
    {
        lock (gate)
        {
            log.Flush();
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }
    }

    private long StatusKilobytes(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"{key} not in /proc/{process.Id}/status");
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (gate)
            log.WriteLine(line);
    }

    [GeneratedRegex(@"^Value: (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
