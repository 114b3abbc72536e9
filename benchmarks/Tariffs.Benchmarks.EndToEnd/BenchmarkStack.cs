using System.Diagnostics;
using System.Net.Http.Headers;
using Tariffs.Testing;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// A private Azurite (in memory) and a local host on it, the sample Dunkerque catalog published and the CSS eligibility
/// of the batches' households stored: what every end-to-end measure runs on. Disposing stops both, and Azurite's data
/// goes with it.
/// </summary>
public sealed class BenchmarkStack : IAsyncDisposable
{
    private readonly AzuriteFixture azurite;

    private BenchmarkStack(AzuriteFixture azurite, HostProcess host, int eligibilityWindows)
    {
        this.azurite = azurite;
        Host = host;
        EligibilityWindows = eligibilityWindows;
        Seeded = Stopwatch.StartNew();
    }

    /// <summary>The running host.</summary>
    public HostProcess Host { get; }

    /// <summary>Azurite's connection string.</summary>
    public string ConnectionString => azurite.ConnectionString;

    /// <summary>Eligibility windows stored (one program's partition, read whole by the host's first batch).</summary>
    public int EligibilityWindows { get; }

    /// <summary>Time since the eligibility windows were stored.</summary>
    public Stopwatch Seeded { get; }

    /// <summary>
    /// Starts Azurite and the host (its log at <paramref name="logPath"/>), publishes the catalog and stores CSS
    /// eligibility for one household in <paramref name="eligibleEvery"/> of households 1 to <paramref name="households"/>.
    /// </summary>
    public static async Task<BenchmarkStack> StartAsync(string root, string logPath, int households, int eligibleEvery)
    {
        // 16 GB of heap: the growing ledger and the 1,000,000-line batch hold about 2 million entities (a run lost its Azurite at that size, most likely at node's default ~4 GB).
        var azurite = new AzuriteFixture { HeapMegabytes = 16_384 };
        await azurite.InitializeAsync();
        HostProcess? host = null;
        try
        {
            host = await HostProcess.StartAsync(azurite.ConnectionString, logPath, []);
            host.StorageProcessId = azurite.ProcessId;
            using (var catalog = new StringContent(File.ReadAllText(Path.Combine(root, "samples", "catalog-dunkerque-water.json"))))
            {
                catalog.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var published = await host.Client.PutAsync("api/catalog", catalog);
                published.EnsureSuccessStatusCode();
            }
            var eligible = await SyntheticBatch.SeedEligibilityAsync(azurite.ConnectionString, households, eligibleEvery);
            return new BenchmarkStack(azurite, host, eligible);
        }
        catch
        {
            if (host is not null)
                await host.DisposeAsync();
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The raw insert yardstick (<see cref="RawInsertBenchmark.EntitiesPerSecondAsync"/>) on this Azurite, and the CPU it
    /// cost per entity, client (this process) and Azurite, said beside the rate.
    /// </summary>
    public async Task<double> RawAsync(int entities, string run, Action<string> say)
    {
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var storage = Host.StorageCpuTime() ?? TimeSpan.Zero;
        var rate = await RawInsertBenchmark.EntitiesPerSecondAsync(ConnectionString, entities, run);
        var written = entities + RawInsertBenchmark.WarmUpEntities;
        var storageUsed = (Host.StorageCpuTime() ?? TimeSpan.Zero) - storage;
        say($"raw insert {run}: {rate:N0} entities/s; CPU per entity (warm-up included): client {(Process.GetCurrentProcess().TotalProcessorTime - client).TotalMicroseconds / written:N0} µs, Azurite {storageUsed.TotalMicroseconds / written:N0} µs");
        return rate;
    }

    /// <summary>Stops the host, then Azurite.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
