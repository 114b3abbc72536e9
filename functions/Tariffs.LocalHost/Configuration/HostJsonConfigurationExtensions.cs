using Microsoft.Extensions.Configuration.Memory;

namespace Tariffs.LocalHost.Configuration;

/// <summary>
/// Reads the Functions <c>host.json</c> into configuration under a root section, the way the Azure Functions host does
/// (<c>AzureFunctionsJobHost:extensions:queues:batchSize</c>, …), so that the WebJobs extensions bind their options
/// from it and environment variables such as <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> or
/// command-line arguments such as <c>--AzureFunctionsJobHost:extensions:queues:maxDequeueCount=2</c> override it.
/// </summary>
public static class HostJsonConfigurationExtensions
{
    /// <summary>The root section the Azure Functions host reads <c>host.json</c> into.</summary>
    public const string RootSection = "AzureFunctionsJobHost";

    /// <summary>
    /// The setting that tells the WebJobs SDK under which section its own options (<c>extensions:…</c>) live;
    /// it defaults to <c>AzureWebJobs</c>, and the Azure Functions host sets it to <see cref="RootSection"/>.
    /// </summary>
    public const string WebJobsRootSectionSetting = "AzureWebJobsConfigurationSection";

    /// <summary>
    /// Inserts <c>host.json</c> (read once from <paramref name="directory"/>; required) under <see cref="RootSection"/>,
    /// and points the WebJobs SDK at that section, in front of every source already added, so that appsettings.json,
    /// environment variables and command-line arguments override it.
    /// </summary>
    public static IConfigurationBuilder AddFunctionsHostJson(this IConfigurationBuilder configuration, string directory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        var hostJson = new ConfigurationBuilder().AddJsonFile(Path.Combine(directory, "host.json"), optional: false).Build();
        var data = hostJson.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => KeyValuePair.Create(ConfigurationPath.Combine(RootSection, pair.Key), pair.Value))
            .Append(KeyValuePair.Create(WebJobsRootSectionSetting, (string?)RootSection));
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = data.ToList() });
        return configuration;
    }
}
