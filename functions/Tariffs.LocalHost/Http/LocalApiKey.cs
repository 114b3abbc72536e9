using Tariffs.Functions.Authorization;

namespace Tariffs.LocalHost.Http;

/// <summary>One API key of the local host, the roles and the scopes it grants (configuration <c>LocalHost:ApiKeys</c>).</summary>
/// <param name="Name">Who holds the key; becomes the principal's name.</param>
/// <param name="Key">The secret sent in <c>x-functions-key</c> (or <c>?code=</c>).</param>
/// <param name="Roles">Roles granted (regulator, operator, social-services, public).</param>
/// <param name="Scopes">The operators, agency, programs, authorities and jurisdictions the key acts for.</param>
public sealed record LocalApiKey(string Name, string Key, IReadOnlyList<string> Roles, CallerScopes Scopes);
