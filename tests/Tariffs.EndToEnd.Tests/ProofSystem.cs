using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// A private Azurite and one or more local host processes consuming the same queues, for the proof tests;
/// HTTP calls go to the first host.
/// </summary>
public sealed class ProofSystem : ITariffsService, IAsyncDisposable
{
    private readonly AzuriteFixture azurite = new();
    private readonly List<LocalHostProcess> hosts = [];
    private readonly List<LocalHostProcess> crashed = [];
    private string[] arguments = [];

    private ProofSystem() { }

    public string ConnectionString => azurite.ConnectionString;
    public HttpClient Authorised => hosts[0].Authorised;
    public IReadOnlyList<LocalHostProcess> Hosts => hosts;
    public Azure.Data.Tables.TableServiceClient Tables => new(ConnectionString);
    public Azure.Storage.Queues.QueueClient Queue(string name) => Storage.Queue(ConnectionString, name);

    public static async Task<ProofSystem> StartAsync(int hosts, params string[] arguments)
    {
        var system = new ProofSystem { arguments = arguments };
        await system.azurite.InitializeAsync();
        for (var i = 0; i < hosts; i++)
            system.hosts.Add(await LocalHostProcess.StartAsync(system.ConnectionString, arguments));
        return system;
    }

    /// <summary>Crashes host <paramref name="index"/> (SIGKILL, mid-work) and starts a new one in its place.</summary>
    public async Task CrashAndRestartAsync(int index)
    {
        await hosts[index].KillAsync();
        crashed.Add(hosts[index]);
        hosts[index] = await LocalHostProcess.StartAsync(ConnectionString, arguments);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts.Concat(crashed))
            await host.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
