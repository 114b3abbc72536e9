using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application;
using Tariffs.Application.Json;
using Tariffs.Application.Reports;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;
using Tariffs.Functions.Reports;
using Tariffs.Storage;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.AccessLog;
using Tariffs.Storage.Queues;

namespace Tariffs.Functions;

/// <summary>Registers everything the function classes need; shared by the Azure worker and the local host.</summary>
public static class TariffsFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddTariffsFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new StorageClients(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.AddSingleton(sp => new RawQueueService(sp.GetRequiredService<StorageClients>().RawQueues));
        services.AddTariffsStorage();
        services.Configure<LedgerOptions>(configuration.GetSection(LedgerOptions.Section));
        services.AddTariffsApplication(configuration);
        services.Configure<RoleAuthorizationOptions>(configuration.GetSection(RoleAuthorizationOptions.Section));
        services.Configure<OpenDataOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<AccessLogStore>();
        services.AddSingleton<IAccessLogAppender>(sp => sp.GetRequiredService<AccessLogStore>());
        services.AddSingleton<AccessAuthorizer>();
        services.AddSingleton<Tariffs.Storage.Export.ExportJobs>();
        services.AddHostedService<StorageInitializationService>();
        services.Configure<JsonOptions>(o => TariffsJson.Apply(o.JsonSerializerOptions));
        return services;
    }
}
