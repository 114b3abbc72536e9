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
using Tariffs.Application.Reports;
using Tariffs.Application.Simulations;
using Tariffs.Application.Universal;

namespace Tariffs.Application;

/// <summary>
/// Registers the use cases. The adapters of their ports (<see cref="Ports"/>) are registered by the host: Azure Storage's
/// (<c>AddTariffsStorage</c>), or the in-memory twins in tests.
/// </summary>
public static class TariffsApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddTariffsApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<CatalogRepository>();
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.Section));
        services.AddSingleton<RecomputeQueue>();
        services.AddSingleton<EffectiveEligibility>();
        services.AddSingleton<LineCorrector>();
        services.AddSingleton<ChunkProcessor>();
        services.AddSingleton<BatchIntake>();
        services.AddSingleton<EligibilityFlagHandler>();
        services.AddSingleton<HouseholdFactsHandler>();
        services.AddSingleton<HouseholdRecomputer>();
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<AdjustmentPublisher>();
        services.AddSingleton<PublicationOutbox>();
        services.AddSingleton<WebhookCircuitBreaker>();
        services.AddHttpClient<WebhookSender>().AddWebhookPolicies();
        services.AddTransient<WebhookDelivery>();
        services.AddSingleton<UniversalServiceDocuments>();
        services.AddSingleton<RestrictionChecker>();
        services.AddSingleton<IncidentCompensator>();
        services.AddSingleton<HouseholdExplainer>();
        services.AddSingleton<EligibilityExplainer>();
        services.AddSingleton<HouseholdLocator>();
        services.AddSingleton<ReportChanges>();
        services.AddSingleton<EquityReportCalculator>();
        services.AddSingleton<EquityReportRefresh>();
        services.AddSingleton<EquityReportQuery>();
        services.Configure<SimulationOptions>(configuration.GetSection(SimulationOptions.Section));
        services.AddSingleton<SimulationRunner>();
        services.AddSingleton<IPoisonedWork>(provider => provider.GetRequiredService<SimulationRunner>());
        services.Configure<QueueRetryOptions>(configuration.GetSection(QueueRetryOptions.Section));
        services.AddSingleton<MessageGuard>();
        services.AddSingleton<PoisonRecorder>();
        services.AddSingleton<PoisonQueueSweeper>();
        return services;
    }
}
