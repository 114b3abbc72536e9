using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Tariffs.LocalHost.Configuration;

/// <summary>Adds the Functions <c>host.json</c> to a configuration, with the lowest precedence.</summary>
public static class HostJsonConfigurationExtensions
{
    /// <summary>
    /// Inserts <c>host.json</c> (read from <paramref name="directory"/>; required) under
    /// <see cref="HostJsonConfigurationSource.RootSection"/>, and points the WebJobs SDK at that section, in front of
    /// every source already added, so that appsettings.json, environment variables and command-line arguments override it.
    /// </summary>
    public static IConfigurationBuilder AddFunctionsHostJson(this IConfigurationBuilder configuration, string directory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        var hostJson = new HostJsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(directory),
            Path = "host.json",
            Optional = false,
            ReloadOnChange = false,
        };
        var webJobsRoot = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData =
            [
                new(HostJsonConfigurationSource.WebJobsRootSectionSetting, HostJsonConfigurationSource.RootSection),
            ],
        };

        configuration.Sources.Insert(0, webJobsRoot);
        configuration.Sources.Insert(0, hostJson);
        return configuration;
    }
}
