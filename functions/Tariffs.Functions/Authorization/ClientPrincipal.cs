using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tariffs.Functions.Authorization;

/// <summary>
/// The caller's identity as App Service authentication passes it to the app: the <see cref="HeaderName"/> header,
/// base64 of a JSON document <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>. Roles are the
/// claims whose type is <c>role_typ</c> (or <c>roles</c> / <c>role</c>); a Static Web Apps style <c>userRoles</c>
/// array is read too. The local host writes the same header for a valid API key, with the key's scopes as claims
/// (<see cref="ScopeClaims"/>). <see cref="Id"/> is the identity the Azure scope mapping is keyed by: the object id
/// (<c>oid</c>), else the client id (<c>azp</c> / <c>appid</c>), else the name.
/// </summary>
public sealed record ClientPrincipal(string Name, IReadOnlySet<string> Roles)
{
    private static readonly string[] IdClaimTypes =
        ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid", "azp", "appid"];

    /// <summary>The principal's stable id (object id, else client id, else name).</summary>
    public string Id { get; init; } = Name;

    /// <summary>The scopes the principal's own claims carry (the local host's keys); none for an Entra ID token.</summary>
    public CallerScopes Scopes { get; init; } = CallerScopes.None;

    /// <summary>The header App Service authentication sets (and strips from client requests).</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private const string RoleClaimType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    private const string NameClaimType = "name";

    /// <summary>True when the principal holds one of <paramref name="roles"/>.</summary>
    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>Reads a header value; null when it is absent, not base64 or not the expected JSON.</summary>
    public static ClientPrincipal? Decode(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
            return null;
        try
        {
            var json = JsonSerializer.Deserialize<Document>(Convert.FromBase64String(headerValue.Trim()));
            if (json is null)
                return null;
            var roleType = json.RoleType ?? RoleClaimType;
            var nameType = json.NameType ?? NameClaimType;
            var claims = json.Claims ?? [];
            var roles = claims
                .Where(c => c.Value is not null && (c.Type == roleType || c.Type is "roles" or "role"))
                .Select(c => c.Value!)
                .Concat(json.UserRoles ?? [])
                .ToHashSet(StringComparer.Ordinal);
            var name = claims.FirstOrDefault(c => c.Type == nameType)?.Value ?? json.UserDetails ?? "";
            IEnumerable<string> Values(string type) => claims.Where(c => c.Type == type && c.Value is not null).Select(c => c.Value!);
            var id = IdClaimTypes.SelectMany(Values).FirstOrDefault() ?? name;
            return new ClientPrincipal(name, roles)
            {
                Id = id,
                Scopes = CallerScopes.From(
                    Values(ScopeClaims.Operator), Values(ScopeClaims.Agency), Values(ScopeClaims.Program),
                    Values(ScopeClaims.Authority), Values(ScopeClaims.Jurisdiction)),
            };
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The header value App Service authentication would send for this principal.</summary>
    public string Encode()
    {
        var document = new Document
        {
            AuthenticationType = "tariffs-api-key",
            NameType = NameClaimType,
            RoleType = RoleClaimType,
            Claims =
            [
                new Claim { Type = NameClaimType, Value = Name },
                .. Roles.Order(StringComparer.Ordinal).Select(r => new Claim { Type = RoleClaimType, Value = r }),
                .. Claims(ScopeClaims.Operator, Scopes.Operators),
                .. Claims(ScopeClaims.Agency, Scopes.Agencies),
                .. Claims(ScopeClaims.Program, Scopes.Programs),
                .. Claims(ScopeClaims.Authority, Scopes.Authorities),
                .. Claims(ScopeClaims.Jurisdiction, Scopes.Jurisdictions),
            ],
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document)));
    }

    private static IEnumerable<Claim> Claims(string type, IReadOnlySet<string> values) =>
        values.Order(StringComparer.Ordinal).Select(v => new Claim { Type = type, Value = v });

    private sealed class Document
    {
        [JsonPropertyName("auth_typ")] public string? AuthenticationType { get; set; }
        [JsonPropertyName("name_typ")] public string? NameType { get; set; }
        [JsonPropertyName("role_typ")] public string? RoleType { get; set; }
        [JsonPropertyName("claims")] public List<Claim>? Claims { get; set; }
        [JsonPropertyName("userRoles")] public List<string>? UserRoles { get; set; }
        [JsonPropertyName("userDetails")] public string? UserDetails { get; set; }
    }

    private sealed class Claim
    {
        [JsonPropertyName("typ")] public string? Type { get; set; }
        [JsonPropertyName("val")] public string? Value { get; set; }
    }
}
