using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Tariffs.Application;
using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// The use cases (<see cref="TariffsApplicationServiceCollectionExtensions.AddTariffsApplication"/>) wired entirely on
/// the in-memory twins, no storage emulator: for fast tests of chunk processing, recomputation and reports. The twins
/// are exposed for arranging and asserting; resolve use cases from <see cref="Services"/>.
/// </summary>
public sealed class InMemoryTariffs : IDisposable
{
    public InMemoryTariffs(IClock clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Clock = clock;
        Ledger = new InMemoryLedger(clock);
        ServiceEvents = new InMemoryServiceEvents(clock);
        var services = new ServiceCollection()
            .AddSingleton(clock)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<ILedger>(Ledger)
            .AddSingleton<IEligibility>(Eligibility)
            .AddSingleton<IHouseholdFacts>(HouseholdFacts)
            .AddSingleton<IRejections>(Rejections)
            .AddSingleton<IBatches>(Batches)
            .AddSingleton<ICatalogDocuments>(Catalogs)
            .AddSingleton<IBatchDocuments>(BatchDocuments)
            .AddSingleton<IWorkQueues>(Queues)
            .AddSingleton<IPoisonQueues>(PoisonQueues)
            .AddSingleton<IDeliveries>(Deliveries)
            .AddSingleton<IServiceEvents>(ServiceEvents)
            .AddSingleton<IReportCells>(ReportCells)
            .AddSingleton<IPublicReportCells>(PublicReportCells)
            .AddSingleton<IReportLines>(ReportLines)
            .AddSingleton<IReportUnits>(ReportUnits)
            .AddSingleton<ISimulations>(Simulations)
            .AddSingleton<IStorageRefusals>(new NoStorageRefusals());
        services.AddTariffsApplication(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public IClock Clock { get; }
    public InMemoryLedger Ledger { get; }
    public InMemoryEligibility Eligibility { get; } = new();
    public InMemoryHouseholdFacts HouseholdFacts { get; } = new();
    public InMemoryRejections Rejections { get; } = new();
    public InMemoryBatches Batches { get; } = new();
    public InMemoryCatalogDocuments Catalogs { get; } = new();
    public InMemoryBatchDocuments BatchDocuments { get; } = new();
    public InMemoryWorkQueues Queues { get; } = new();
    public InMemoryPoisonQueues PoisonQueues { get; } = new();
    public InMemoryDeliveries Deliveries { get; } = new();
    public InMemoryServiceEvents ServiceEvents { get; }
    public InMemoryReportCells ReportCells { get; } = new();
    public InMemoryPublicReportCells PublicReportCells { get; } = new();

    public InMemoryReportLines ReportLines { get; } = new();

    public InMemoryReportUnits ReportUnits { get; } = new();

    public InMemorySimulations Simulations { get; } = new();

    /// <summary>The use cases' container.</summary>
    public ServiceProvider Services { get; }

    /// <summary>A use case (or any registered service).</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public void Dispose() => Services.Dispose();
}
