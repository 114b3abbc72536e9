using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// A private Azurite plus the local host running as its own process (the built Tariffs.LocalHost.dll), on
/// free ports, with the report timer effectively off so that tests recompute reports when they choose.
/// The host's output is kept in <see cref="LogPath"/>.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    /// <summary>The function key the host is started with.</summary>
    public const string FunctionKey = "e2e-key";

    /// <summary>Role-mapped API keys the host is started with (LocalHost:ApiKeys), by role.</summary>
    public static IReadOnlyDictionary<string, string> RoleKeys { get; } = new Dictionary<string, string>
    {
        ["regulator"] = "e2e-regulator-key",
        ["operator"] = "e2e-operator-key",
        ["social-services"] = "e2e-social-services-key",
        ["public"] = "e2e-public-key",
    };

    private readonly AzuriteFixture azurite = new();
    private Process? host;
    private StreamWriter? log;

    public Uri BaseAddress { get; private set; } = null!;
    public string ConnectionString => azurite.ConnectionString;
    public string LogPath { get; } = Path.Combine(AppContext.BaseDirectory, $"localhost-{Guid.NewGuid():N}.log");

    /// <summary>A client without the key (public routes).</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A client carrying the function key.</summary>
    public HttpClient Authorised { get; private set; } = null!;

    public TableServiceClient Tables => new(ConnectionString);

    /// <summary>A new client sending <paramref name="key"/> in <c>x-functions-key</c>; the caller disposes it.</summary>
    public HttpClient WithKey(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    public QueueClient Queue(string name) => new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var dll = HostAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll,
            $"--AzureWebJobsStorage={ConnectionString}",
            $"--urls={BaseAddress.ToString().TrimEnd('/')}",
            $"--LocalHost:FunctionKey={FunctionKey}",
            "--EquityReportSchedule=0 0 0 1 1 *",
        }.Concat(RoleKeys.SelectMany((pair, i) => new[]
        {
            $"--LocalHost:ApiKeys:{i}:Name=e2e-{pair.Key}",
            $"--LocalHost:ApiKeys:{i}:Key={pair.Value}",
            $"--LocalHost:ApiKeys:{i}:Roles:0={pair.Key}",
        })))
            start.ArgumentList.Add(arg);
        log = new StreamWriter(LogPath, append: false, Encoding.UTF8) { AutoFlush = true };
        host = Process.Start(start)!;
        host.OutputDataReceived += (_, e) => Write(e.Data);
        host.ErrorDataReceived += (_, e) => Write(e.Data);
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();

        Anonymous = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Authorised = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Authorised.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        Authorised.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (host is { HasExited: false })
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
        host?.Dispose();
        Anonymous?.Dispose();
        Authorised?.Dispose();
        lock (LogPath)
        {
            log?.Dispose();
            log = null;
        }
        await azurite.DisposeAsync();
    }

    /// <summary>True while the host process runs.</summary>
    public bool IsRunning => host is { HasExited: false };

    /// <summary>The host's output so far.</summary>
    public string Log()
    {
        lock (LogPath)
        {
            log?.Flush();
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (LogPath)
            log?.WriteLine(line);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (host!.HasExited)
                throw new InvalidOperationException($"The local host exited with code {host.ExitCode}:{Environment.NewLine}{Log()}");
            try
            {
                using var response = await Anonymous.GetAsync("api/health");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The local host did not answer /api/health within {timeout}:{Environment.NewLine}{Log()}");
    }

    /// <summary>The local host built beside this test assembly's configuration (Debug or Release).</summary>
    private static string HostAssemblyPath()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), "functions", "Tariffs.LocalHost", "bin", configuration, "net10.0", "Tariffs.LocalHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the local host is missing.", path);
    }
}
