namespace Tariffs.LocalHost.Http;

/// <summary>One API key of the local host and the roles it grants (configuration <c>LocalHost:ApiKeys</c>).</summary>
/// <param name="Name">Who holds the key; becomes the principal's name.</param>
/// <param name="Key">The secret sent in <c>x-functions-key</c> (or <c>?code=</c>).</param>
/// <param name="Roles">Roles granted (regulator, operator, social-services, public).</param>
public sealed record LocalApiKey(string Name, string Key, IReadOnlyList<string> Roles);
