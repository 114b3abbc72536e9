using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Ports;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Catalog;
using Tariffs.Storage.Deliveries;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Events;
using Tariffs.Storage.Facts;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Queues;
using Tariffs.Storage.Rejections;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Simulations;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage;

/// <summary>
/// Registers the Azure Storage adapters of the Application's ports, one instance each (the eligibility store caches per
/// process). The Azure SDK clients (TableServiceClient, QueueServiceClient, BlobServiceClient and, for the poison
/// queues, <see cref="RawQueueService"/>) are registered by the host, from its storage connection, and so is the binding
/// of <see cref="LedgerOptions"/> (validated here; the default count when the host binds nothing).
/// </summary>
public static class TariffsStorageServiceCollectionExtensions
{
    public static IServiceCollection AddTariffsStorage(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>().Validate(o => o.Invalid() is null, $"{LedgerOptions.Section}:Partitions must be between 1 and {LedgerKeys.MaxPartitions}.").ValidateOnStart();
        services.AddSingleton<StorageInitializer>();
        services.AddSingleton<IStorageRefusals, StorageRefusals>();
        Port<ICatalogDocuments, CatalogDocumentStore>(services);
        Port<IEligibility, EligibilityStore>(services);
        Port<IHouseholdFacts, HouseholdFactsStore>(services);
        Port<ILedger, LedgerStore>(services);
        Port<IRejections, RejectionStore>(services);
        Port<IReportCells, ReportStore>(services);
        Port<IPublicReportCells, PublicReportStore>(services);
        Port<IBatchDocuments, BatchBlobStore>(services);
        Port<IBatches, BatchStore>(services);
        Port<IDeliveries, DeliveryStore>(services);
        Port<IServiceEvents, ServiceEventStore>(services);
        Port<IReportLines, ReportLineStore>(services);
        Port<IReportUnits, ReportUnitStore>(services);
        Port<ISimulations, SimulationStore>(services);
        services.AddSingleton<IWorkQueues, WorkQueues>();
        services.AddSingleton<IPoisonQueues, PoisonQueues>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TStore"/> once, as itself (for storage-level tests and tools) and as its port.</summary>
    private static void Port<TPort, TStore>(IServiceCollection services) where TPort : class where TStore : class, TPort
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<TPort>(sp => sp.GetRequiredService<TStore>());
    }
}
