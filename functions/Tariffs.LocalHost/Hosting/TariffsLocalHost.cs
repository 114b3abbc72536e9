using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Tariffs.Application.Contracts;
using Tariffs.Functions;
using Tariffs.Functions.Authorization;
using OpenTelemetry.Trace;
using Tariffs.Functions.Hosting;
using Tariffs.LocalHost.Configuration;
using Tariffs.LocalHost.Http;
using Tariffs.LocalHost.Timers;
using Tariffs.LocalHost.Triggers;

namespace Tariffs.LocalHost.Hosting;

/// <summary>
/// Builds the local host: one process running the isolated-worker function classes of Tariffs.Functions without Azure
/// Functions Core Tools, with the WebJobs SDK (the engine of the Functions host) for queue and timer triggers and
/// ASP.NET Core (Kestrel) for the HTTP functions.
/// </summary>
/// <remarks>
/// <para>Configuration, lowest precedence first: the Functions <c>host.json</c> under <c>AzureFunctionsJobHost</c>
/// (as in Azure: its <c>extensions:queues</c> section sets the queue trigger options, its <c>logging</c> section the log
/// levels), the project's appsettings.json (<c>AzureWebJobsStorage</c>, app settings such as
/// <c>EquityReportSchedule</c>, <c>Urls</c>), environment variables, then command-line arguments, for example
/// <c>--AzureWebJobsStorage=… --urls=http://127.0.0.1:7072 --EquityReportSchedule="*/10 * * * * *"
/// --AzureFunctionsJobHost:extensions:queues:maxDequeueCount=2</c>.</para>
/// <para>Files (host.json, appsettings.json) are read from the application's directory, not the working directory.</para>
/// </remarks>
public static class TariffsLocalHost
{
    /// <summary>Builds the host; call <c>Run</c>/<c>RunAsync</c> (or <c>StartAsync</c>) on the result.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--urls=…</c>).</param>
    /// <exception cref="NotSupportedException">A function has a signature the local host does not run.</exception>
    public static WebApplication Build(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        var functions = FunctionCatalog.Discover(FunctionCatalog.FunctionsAssembly);
        var triggers = new TriggerTypeLocator(functions);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddFunctionsHostJson(AppContext.BaseDirectory);

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection($"{HostJsonConfigurationExtensions.RootSection}:logging"));
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });

        // A billing batch is streamed up to its limit (Kestrel's default is 30 MB); a larger body answers 413 with problem
        // details (HttpFunctionInvoker). Small JSON routes hold their own, smaller limits (RequestBody).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = InputLimits.MaxBatchBytes);

        var services = builder.Services;
        // Registers StorageInitializationService first: the queues exist before the WebJobs listeners start (hosted
        // services start in registration order), as senders expect; the SDK creates <queue>-poison on demand.
        services.AddTariffsFunctions(builder.Configuration);
        // FunctionKeyAuthorization removes a client-sent principal header and writes its own: the functions may read it.
        services.Configure<RoleAuthorizationOptions>(o => o.TrustPrincipalHeader = true);
        // The same OpenTelemetry set-up as the worker (console exporter with --Tariffs:Telemetry:Console=true), plus
        // ASP.NET Core's own request activities: a batch posted over HTTP is traced under its request.
        services.AddTariffsTelemetry(builder.Configuration).WithTracing(t => t.AddSource("Microsoft.AspNetCore"));
        // The function classes, one instance per invocation (HTTP request, queue message, timer occurrence), as in the worker.
        foreach (var type in functions.Select(f => f.FunctionClass).Distinct())
            services.TryAddScoped(type);
        // IActionResult execution (ObjectResult formatting with the app's MVC JSON options).
        services.AddMvcCore();

        builder.Host.ConfigureWebJobs(webJobs =>
        {
            // Blob-lease distributed locks (singleton timers) on AzureWebJobsStorage.
            webJobs.AddAzureStorageCoreServices();
            // Options bound by the SDK from AzureFunctionsJobHost:extensions:queues (host.json).
            webJobs.AddAzureStorageQueues();
            webJobs.AddTimers();
        });

        // Extensions 3.0.6's StorageScheduleMonitor needs a type Host.Storage 5.x removed.
        services.RemoveAll<ScheduleMonitor>();
        services.AddSingleton<ScheduleMonitor, InMemoryScheduleMonitor>();
        // Index the classes emitted from the queue and timer functions, and nothing else.
        services.RemoveAll<ITypeLocator>();
        services.AddSingleton<ITypeLocator>(triggers);

        var app = builder.Build();
        app.MapHttpFunctions(functions);
        return app;
    }
}
