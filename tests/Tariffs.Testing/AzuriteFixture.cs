using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Tariffs.Testing;

/// <summary>
/// An xunit fixture that runs a private, in-memory Azurite (blob, queue and table) on free 127.0.0.1 ports for its
/// lifetime and kills it, with its whole process tree, on dispose.
/// </summary>
/// <remarks>
/// Azurite comes from the repository's <c>node_modules</c> (<c>bash scripts/azurite.sh install</c>) and is started as
/// <c>node azurite.js</c> directly, never through npx, so killing it leaves no orphan behind.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The storage account name Azurite serves.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known, public development account key Azurite accepts (not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Path of Azurite's entry point relative to the repository root.</summary>
    public const string AzuriteScriptRelativePath = "node_modules/azurite/dist/src/azurite.js";

    private const int MaxStartAttempts = 3;
    private const int LogLinesKept = 50;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _recentOutput = new();
    private Process? _process;

    /// <summary>
    /// Node's heap limit for Azurite in MB (null: node's default, about 4 GB). Azurite keeps everything in that heap, so a
    /// benchmark holding millions of entities needs more: beyond the limit node stops with "heap out of memory".
    /// </summary>
    public int? HeapMegabytes { get; init; }

    /// <summary>The environment variable whose space-separated words are given to node before Azurite's script.</summary>
    public const string NodeArgumentsVariable = "TARIFFS_AZURITE_NODE_ARGS";

    /// <summary>The Azurite (node) process's id, or null when it is not running: to read its CPU time in benchmarks.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>The port of the blob service; 0 until <see cref="InitializeAsync"/> has completed.</summary>
    public int BlobPort { get; private set; }

    /// <summary>The port of the queue service; 0 until <see cref="InitializeAsync"/> has completed.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The port of the table service; 0 until <see cref="InitializeAsync"/> has completed.</summary>
    public int TablePort { get; private set; }

    /// <summary>
    /// A full storage connection string for <see cref="AccountName"/> with explicit blob, queue and table endpoints on
    /// this fixture's ports; throws <see cref="InvalidOperationException"/> before <see cref="InitializeAsync"/>.
    /// </summary>
    public string ConnectionString
    {
        get
        {
            if (TablePort == 0)
            {
                throw new InvalidOperationException("Azurite has not been started; InitializeAsync must complete first.");
            }

            return $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
                + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};"
                + $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};"
                + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";
        }
    }

    /// <summary>Starts Azurite on three free ports and returns once all three accept TCP connections.</summary>
    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot.Find(), AzuriteScriptRelativePath);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: '{script}' is missing. Run 'bash scripts/azurite.sh install' "
                + "(npm ci) at the repository root, then run the tests again.");
        }

        // A port picked as free can be taken by someone else before Azurite binds it (test projects run in
        // parallel), so a start that fails is retried on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePort.Next(3);
            try
            {
                await StartAsync(script, ports[0], ports[1], ports[2]).ConfigureAwait(false);
                return;
            }
            catch (AzuriteStartException)
            {
                await StopAsync().ConfigureAwait(false);
                if (attempt >= MaxStartAttempts)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Kills the Azurite process tree and waits for it to exit.</summary>
    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        BlobPort = QueuePort = TablePort = 0;
    }

    private async Task StartAsync(string script, int blobPort, int queuePort, int tablePort)
    {
        _recentOutput.Clear();
        var startInfo = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        if (HeapMegabytes is { } heap)
            startInfo.ArgumentList.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--max-old-space-size={heap}"));
        // Node options NODE_OPTIONS refuses, for profiling Azurite under a benchmark (--cpu-prof --cpu-prof-dir=DIR: the
        // profile is written when Azurite is stopped with SIGINT, not by this fixture's kill).
        foreach (var option in (Environment.GetEnvironmentVariable(NodeArgumentsVariable) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            startInfo.ArgumentList.Add(option);
        foreach (var argument in new[]
                 {
                     script, "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start 'node'; Node.js 20 or later must be on PATH to run Azurite.", ex);
        }

        _process = process;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        var pending = new List<int> { blobPort, queuePort, tablePort };
        while (pending.Count > 0)
        {
            if (process.HasExited)
            {
                throw new AzuriteStartException(
                    $"Azurite exited with code {process.ExitCode} while starting on ports {blobPort}/{queuePort}/{tablePort}."
                    + RecentOutput());
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AzuriteStartException(
                    $"Azurite did not open ports {string.Join("/", pending)} within {StartTimeout.TotalSeconds:0} s."
                    + RecentOutput());
            }

            for (var i = pending.Count - 1; i >= 0; i--)
            {
                if (await AcceptsConnectionAsync(pending[i]).ConfigureAwait(false))
                {
                    pending.RemoveAt(i);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        // Azurite exits on EADDRINUSE; a port taken by another process also accepts connections, so make sure
        // Azurite is still the one alive after its ports opened.
        await Task.Delay(100).ConfigureAwait(false);
        if (process.HasExited)
        {
            throw new AzuriteStartException(
                $"Azurite exited with code {process.ExitCode} just after opening ports {blobPort}/{queuePort}/{tablePort}."
                + RecentOutput());
        }

        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    private async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        try
        {
            if (!process.HasExited)
            {
                // Azurite ignores SIGTERM; Kill sends SIGKILL.
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The process has already gone.
        }
        catch (OperationCanceledException)
        {
            // SIGKILL was sent; an exit that is not observed in time is not worth failing a test run for.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // The process has already gone.
        }
    }

    private static async Task<bool> AcceptsConnectionAsync(int port)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _recentOutput.Enqueue(line);
        while (_recentOutput.Count > LogLinesKept && _recentOutput.TryDequeue(out _))
        {
        }
    }

    private string RecentOutput() =>
        _recentOutput.IsEmpty ? " It printed nothing." : " Its output:" + Environment.NewLine + string.Join(Environment.NewLine, _recentOutput);

    private sealed class AzuriteStartException(string message) : InvalidOperationException(message);
}
