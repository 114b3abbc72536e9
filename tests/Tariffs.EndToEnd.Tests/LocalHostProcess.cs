using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Testing;
using Tariffs.Testing.OpenApi;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// One local host process (the built Tariffs.LocalHost.dll) on a storage account, on a free port, with the
/// timers effectively off. Its output goes to <see cref="LogPath"/>. <see cref="KillAsync"/> is a crash: the
/// process gets SIGKILL, finishing nothing. Its clients hold every response to the OpenAPI document the host serves
/// (<see cref="ContractCheckingHandler"/>).
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>The function key the host is started with.</summary>
    public const string FunctionKey = "e2e-key";

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly object gate = new();
    private readonly HttpClient plain;

    private LocalHostProcess(Process process, StreamWriter log, string logPath, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
        LogPath = logPath;
        BaseAddress = baseAddress;
        plain = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }
    public string LogPath { get; }

    /// <summary>The OpenAPI document the host serves (<c>GET /api/openapi.json</c>), read once it is healthy.</summary>
    public OpenApiContract Contract { get; private set; } = null!;

    /// <summary>A client without key, its responses held to <see cref="Contract"/>.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A client with the function key and <c>Accept: application/json</c>, its responses held to <see cref="Contract"/>.</summary>
    public HttpClient Authorised { get; private set; } = null!;
    public bool IsRunning => !process.HasExited;

    /// <summary>Starts a host on the storage account and waits until it answers /api/health.</summary>
    public static async Task<LocalHostProcess> StartAsync(string connectionString, IEnumerable<string>? extraArguments = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = LocalHostStartInfo.Create(configuration, connectionString, baseAddress, FunctionKey, extraArguments);

        var logPath = Path.Combine(AppContext.BaseDirectory, $"localhost-{Guid.NewGuid():N}.log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var host = new LocalHostProcess(Process.Start(start)!, log, logPath, baseAddress);
        host.process.OutputDataReceived += (_, e) => host.Write(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        host.Contract = new OpenApiContract(JsonNode.Parse(await host.plain.GetStringAsync("api/openapi.json"))!);
        host.Anonymous = host.NewClient(TimeSpan.FromSeconds(60));
        host.Authorised = host.NewClient(TimeSpan.FromSeconds(60));
        host.Authorised.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        host.Authorised.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return host;
    }

    /// <summary>A new client of the host (no key, no default header), its responses held to <see cref="Contract"/>; the caller disposes it.</summary>
    public HttpClient NewClient(TimeSpan? timeout = null) =>
        new(new ContractCheckingHandler(Contract)) { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>Crashes the host: SIGKILL to the process tree.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The host's output so far.</summary>
    public string Log()
    {
        lock (gate)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        Anonymous?.Dispose();
        Authorised?.Dispose();
        plain.Dispose();
        lock (gate)
            log.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (gate)
            log.WriteLine(line);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode}:{Environment.NewLine}{Log()}");
            try
            {
                using var response = await plain.GetAsync("api/health");
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
}
