using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Tariffs.LocalHost.Configuration;

/// <summary>
/// Loads <c>host.json</c> like any JSON file, then moves every key under
/// <see cref="HostJsonConfigurationSource.RootSection"/>.
/// </summary>
public sealed class HostJsonConfigurationProvider(HostJsonConfigurationSource source) : JsonConfigurationProvider(source)
{
    /// <inheritdoc />
    public override void Load(Stream stream)
    {
        base.Load(stream);
        var prefixed = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Data)
        {
            prefixed[ConfigurationPath.Combine(HostJsonConfigurationSource.RootSection, key)] = value;
        }

        Data = prefixed;
    }
}
