using Tariffs.Functions.Authorization;

namespace Tariffs.LocalHost.Http;

/// <summary>
/// Reads the local host's keys from configuration: <c>LocalHost:FunctionKey</c> (a development key holding every
/// role, as the run script and tests use it) and <c>LocalHost:ApiKeys</c>, a list of <c>{ Name, Key, Roles }</c>.
/// Keys that are empty are ignored.
/// </summary>
public static class LocalApiKeys
{
    /// <summary>Configuration section of the role-mapped keys.</summary>
    public const string Section = "LocalHost:ApiKeys";

    /// <summary>Every configured key.</summary>
    public static IReadOnlyList<LocalApiKey> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = new List<LocalApiKey>();
        if (configuration[FunctionKeyAuthorization.Setting] is { Length: > 0 } devKey)
            keys.Add(new LocalApiKey("dev", devKey, TariffsRoles.All));
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            if (entry["Key"] is not { Length: > 0 } key)
                continue;
            var roles = entry.GetSection("Roles").GetChildren().Select(r => r.Value).OfType<string>().ToList();
            keys.Add(new LocalApiKey(entry["Name"] ?? entry.Key, key, roles));
        }
        return keys;
    }
}
