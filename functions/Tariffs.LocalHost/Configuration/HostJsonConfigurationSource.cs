using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Tariffs.LocalHost.Configuration;

/// <summary>
/// Reads the Functions <c>host.json</c> into configuration under a root section, the way the Azure Functions host does
/// (<c>AzureFunctionsJobHost:extensions:queues:batchSize</c>, …), so that the WebJobs extensions bind their options
/// from it and environment variables such as <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> or
/// command-line arguments such as <c>--AzureFunctionsJobHost:extensions:queues:maxDequeueCount=2</c> override it.
/// </summary>
public sealed class HostJsonConfigurationSource : JsonConfigurationSource
{
    /// <summary>The root section the Azure Functions host reads <c>host.json</c> into.</summary>
    public const string RootSection = "AzureFunctionsJobHost";

    /// <summary>
    /// The setting that tells the WebJobs SDK under which section its own options (<c>extensions:…</c>) live;
    /// it defaults to <c>AzureWebJobs</c>, and the Azure Functions host sets it to <see cref="RootSection"/>.
    /// </summary>
    public const string WebJobsRootSectionSetting = "AzureWebJobsConfigurationSection";

    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HostJsonConfigurationProvider(this);
    }
}
