using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tariffs.Application.Telemetry;

namespace Tariffs.Functions.Hosting;

/// <summary>
/// OpenTelemetry for both hosts (the isolated worker's Program.cs and the local host): traces of
/// <see cref="TariffsTelemetry.Source"/>, metrics of <see cref="TariffsTelemetry.Meter"/>, and logs, exported to
/// Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with Entra ID authentication when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names a managed identity), and to the console when
/// <c>Tariffs:Telemetry:Console</c> is true (off by default: the local host's console keeps its one-line logs).
/// <c>Tariffs:Telemetry:MetricExportIntervalMilliseconds</c> sets how often metrics are exported (default 60 s).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Configuration key: export traces, metrics and logs to the console.</summary>
    public const string ConsoleSetting = "Tariffs:Telemetry:Console";

    /// <summary>Configuration key: metric export interval in milliseconds.</summary>
    public const string MetricIntervalSetting = "Tariffs:Telemetry:MetricExportIntervalMilliseconds";

    /// <summary>Application Insights connection string (set by the Bicep on the Function App).</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Application Insights authentication (<c>ClientId=…;Authorization=AAD</c>).</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Registers OpenTelemetry with the exporters the configuration asks for; returns the builder for host-specific additions.</summary>
    public static OpenTelemetryBuilder AddTariffsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var console = configuration.GetValue<bool>(ConsoleSetting);
        var interval = configuration.GetValue<int?>(MetricIntervalSetting);
        var connectionString = configuration[ConnectionStringSetting];

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tariffs"))
            .WithTracing(t => t.AddSource(TariffsTelemetry.Name))
            .WithMetrics(m => m.AddMeter(TariffsTelemetry.Name));
        if (interval is > 0)
            services.Configure<MetricReaderOptions>(o => o.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval);

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            builder.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                if (Credential(configuration[AuthenticationSetting]) is { } credential)
                    o.Credential = credential;
            });
        }
        if (console)
        {
            builder.WithTracing(t => t.AddConsoleExporter())
                .WithMetrics(m => m.AddConsoleExporter((_, reader) =>
                {
                    if (interval is > 0)
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }))
                .WithLogging(l => l.AddConsoleExporter());
        }
        return builder;
    }

    /// <summary>The managed identity named by <c>ClientId=…;Authorization=AAD</c>, or null for instrumentation-key ingestion.</summary>
    private static ManagedIdentityCredential? Credential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
            return null;
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var mode) || !mode.Equals("AAD", StringComparison.OrdinalIgnoreCase))
            return null;
        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
