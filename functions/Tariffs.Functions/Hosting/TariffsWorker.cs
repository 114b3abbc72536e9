using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tariffs.Application.Json;

namespace Tariffs.Functions.Hosting;

/// <summary>
/// The isolated worker's registrations, in one place so that Program.cs runs them and a test can build the same
/// dependency graph with validation on: ASP.NET Core integration for HTTP functions (an unhandled exception answered
/// with problem details, <see cref="UnhandledExceptionProblems"/>), the JSON conventions for
/// trigger bindings, every service the function classes need, and OpenTelemetry correlated with the host's
/// invocation traces (Application Insights when configured).
/// </summary>
public static class TariffsWorker
{
    /// <summary>Configures <paramref name="builder"/> as Program.cs runs it.</summary>
    public static FunctionsApplicationBuilder ConfigureTariffs(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<UnhandledExceptionProblems>();
        builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(TariffsJson.Options));
        builder.Services.AddTariffsFunctions(builder.Configuration);
        builder.Services.AddTariffsTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
        return builder;
    }
}
