using Tariffs.Functions.Authorization;

namespace Tariffs.LocalHost.Http;

/// <summary>
/// Reads the local host's keys from configuration: <c>LocalHost:FunctionKey</c> (a development key holding every
/// role and every scope, as the run script and tests use it) and <c>LocalHost:ApiKeys</c>, a list of
/// <c>{ Name, Key, Roles, Scopes: { Operators, Agencies, Programs, Authorities, Jurisdictions } }</c> (a key without
/// scopes acts for no object). Keys that are empty are ignored.
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
            keys.Add(new LocalApiKey("dev", devKey, TariffsRoles.All, CallerScopes.Everything));
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            if (entry["Key"] is not { Length: > 0 } key)
                continue;
            var roles = entry.GetSection("Roles").GetChildren().Select(r => r.Value).OfType<string>().ToList();
            var scopes = entry.GetSection("Scopes").Get<IdentityScopes>() ?? new IdentityScopes();
            keys.Add(new LocalApiKey(entry["Name"] ?? entry.Key, key, roles, scopes.ToScopes()));
        }
        return keys;
    }
}
