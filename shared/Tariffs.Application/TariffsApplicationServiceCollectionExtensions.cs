using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Households;
using Tariffs.Application.Intake;
using Tariffs.Application.Messages;
using Tariffs.Application.Output;
using Tariffs.Application.Ports;
using Tariffs.Application.Reports;
using Tariffs.Application.Universal;
using Tariffs.Storage;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Deliveries;
using Tariffs.Storage.Catalog;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Events;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Rejections;
using Tariffs.Storage.Reports;

namespace Tariffs.Application;

/// <summary>
/// Registers the use cases and the stores they write to. The Azure SDK clients (TableServiceClient,
/// QueueServiceClient, BlobServiceClient) are registered by the host, from its storage connection.
/// </summary>
public static class TariffsApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddTariffsApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<StorageInitializer>();
        services.AddSingleton<CatalogDocumentStore>();
        services.AddSingleton<EligibilityStore>();
        services.AddSingleton<IEligibility, StoredEligibility>();
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<ILedger, StoredLedger>();
        services.AddSingleton<RejectionStore>();
        services.AddSingleton<IRejections, StoredRejections>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<PublicReportStore>();
        services.AddSingleton<CatalogRepository>();
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.Section));
        services.AddSingleton<BatchBlobStore>();
        services.AddSingleton<BatchStore>();
        services.AddSingleton<IBatches, StoredBatches>();
        services.AddSingleton<RecomputeQueue>();
        services.AddSingleton<LineCorrector>();
        services.AddSingleton<ChunkProcessor>();
        services.AddSingleton<BatchIntake>();
        services.AddSingleton<EligibilityFlagHandler>();
        services.AddSingleton<HouseholdRecomputer>();
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<AdjustmentPublisher>();
        services.AddSingleton<PublicationOutbox>();
        services.AddSingleton<WebhookCircuitBreaker>();
        services.AddHttpClient<WebhookSender>().AddWebhookPolicies();
        services.AddTransient<WebhookDelivery>();
        services.AddSingleton<UniversalServiceDocuments>();
        services.AddSingleton<RestrictionChecker>();
        services.AddSingleton<IncidentCompensator>();
        services.AddSingleton<HouseholdExplainer>();
        services.AddSingleton<HouseholdLocator>();
        services.AddSingleton<ServiceEventStore>();
        services.AddSingleton<ReportLineStore>();
        services.AddSingleton<ReportUnitStore>();
        services.AddSingleton<ReportChanges>();
        services.AddSingleton<EquityReportCalculator>();
        services.AddSingleton<EquityReportRefresh>();
        services.AddSingleton<EquityReportQuery>();
        services.Configure<QueueRetryOptions>(configuration.GetSection(QueueRetryOptions.Section));
        services.AddSingleton<MessageGuard>();
        services.AddSingleton<PoisonRecorder>();
        services.AddSingleton<PoisonQueueSweeper>();
        return services;
    }
}
