using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Functions.Authorization;
using Tariffs.Storage.AccessLog;

namespace Tariffs.Functions.Tests.Authorization;

/// <summary>
/// Roles come from the principal header only where the deployment says something in front of the app sets it;
/// scopes from the principal's claims and the configured identities; every denial is logged.
/// </summary>
public sealed class AccessAuthorizerTests
{
    private readonly RecordingLog log = new();
    private AccessAuthorizer Trusting => Authorizer(trustPrincipalHeader: true);

    [Fact]
    public async Task An_untrusted_header_gives_no_role_even_a_well_formed_one()
    {
        var request = Request(new ClientPrincipal("regulator-staff", new HashSet<string> { TariffsRoles.Regulator }).Encode());

        var denied = await Authorizer(trustPrincipalHeader: false).AuthenticateAsync(request, TariffsRoles.Regulator);

        Assert.Equal(StatusCodes.Status401Unauthorized, StatusOf(denied));
    }

    [Fact]
    public void The_header_is_untrusted_unless_configured()
    {
        Assert.False(new RoleAuthorizationOptions().TrustPrincipalHeader);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    public async Task A_trusted_request_without_a_readable_principal_is_401(string? header)
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, StatusOf(await Trusting.AuthenticateAsync(Request(header), TariffsRoles.Regulator)));
    }

    [Fact]
    public async Task A_trusted_principal_without_the_role_is_403()
    {
        var request = Request(new ClientPrincipal("operator-billing", new HashSet<string> { TariffsRoles.Operator }).Encode());

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(await Trusting.AuthenticateAsync(request, TariffsRoles.Regulator)));
    }

    [Fact]
    public async Task A_trusted_principal_with_one_of_the_roles_passes()
    {
        var request = Request(new ClientPrincipal("operator-billing", new HashSet<string> { TariffsRoles.Operator }).Encode());

        Assert.True((await Trusting.AuthenticateAsync(request, TariffsRoles.Regulator, TariffsRoles.Operator)).Granted);
    }

    // App Service authentication with Microsoft Entra ID: the token's app roles (the `roles` claim, whose values are
    // the app role values of the registration) become claims of the principal header.
    [Theory]
    [InlineData("roles")]
    [InlineData("http://schemas.microsoft.com/ws/2008/06/identity/claims/role")]
    public async Task Entra_app_roles_are_Tariffs_roles(string claimType)
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["auth_typ"] = "aad",
            ["name_typ"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            ["role_typ"] = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            ["claims"] = new JsonArray(
                new JsonObject { ["typ"] = "azp", ["val"] = "11111111-2222-3333-4444-555555555555" },
                new JsonObject { ["typ"] = claimType, ["val"] = "social-services" }),
        }.ToJsonString()));

        Assert.True((await Trusting.AuthenticateAsync(Request(header), TariffsRoles.SocialServices)).Granted);
        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(await Trusting.AuthenticateAsync(Request(header), TariffsRoles.Regulator)));
    }

    [Fact]
    public async Task A_denial_is_logged_with_who_what_and_why()
    {
        var request = Request(new ClientPrincipal("operator-billing", new HashSet<string> { TariffsRoles.Operator }).Encode());
        request.Method = "GET";
        request.Path = "/api/reports/equity/unsuppressed";

        await Trusting.AuthenticateAsync(request, TariffsRoles.Regulator);

        var entry = Assert.Single(log.Entries);
        Assert.Equal(("operator-billing", "operator", "GET", "/api/reports/equity/unsuppressed", "denied", 403),
            (entry.Caller, entry.Roles, entry.Method, entry.Route, entry.Outcome, entry.Status));
        Assert.Equal("This route is for the role(s): regulator.", entry.Reason);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 1, 2, 3, TimeSpan.Zero), entry.At);
    }

    [Fact]
    public async Task A_granted_role_check_logs_nothing()
    {
        var request = Request(new ClientPrincipal("r", new HashSet<string> { TariffsRoles.Regulator }).Encode());

        await Trusting.AuthenticateAsync(request, TariffsRoles.Regulator);

        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task Scopes_come_from_the_claims_and_from_the_identity_mapped_to_the_object_id()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["auth_typ"] = "aad",
            ["claims"] = new JsonArray(
                new JsonObject { ["typ"] = "http://schemas.microsoft.com/identity/claims/objectidentifier", ["val"] = "oid-1" },
                new JsonObject { ["typ"] = "azp", ["val"] = "client-1" },
                new JsonObject { ["typ"] = "roles", ["val"] = "operator" },
                new JsonObject { ["typ"] = ScopeClaims.Operator, ["val"] = "op-claimed" }),
        }.ToJsonString()));
        var options = new RoleAuthorizationOptions { TrustPrincipalHeader = true };
        options.Identities["oid-1"] = new IdentityScopes { Operators = ["op-mapped"] };
        options.Identities["client-1"] = new IdentityScopes { Operators = ["op-of-the-client-id"] };

        var access = await Authorizer(options).AuthenticateAsync(Request(header), TariffsRoles.Operator);

        Assert.True(access.Granted);
        Assert.Equal("oid-1", access.Caller.Id);
        Assert.Equal(["op-claimed", "op-mapped"], access.Caller.Scopes.Operators.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_client_id_keys_the_mapping_when_there_is_no_object_id()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["auth_typ"] = "aad",
            ["claims"] = new JsonArray(
                new JsonObject { ["typ"] = "azp", ["val"] = "client-1" },
                new JsonObject { ["typ"] = "roles", ["val"] = "regulator" }),
        }.ToJsonString()));
        var options = new RoleAuthorizationOptions { TrustPrincipalHeader = true };
        options.Identities["client-1"] = new IdentityScopes { Authorities = ["auth-a"] };

        var access = await Authorizer(options).AuthenticateAsync(Request(header), TariffsRoles.Regulator);

        Assert.True(access.Granted);
        Assert.True(access.Caller.RegulatesAuthority("auth-a"));
        Assert.False(access.Caller.RegulatesAuthority("auth-b"));
    }

    [Fact]
    public void Scopes_survive_the_local_hosts_header()
    {
        var scopes = CallerScopes.From(operators: ["op-a"], agencies: ["agency-a"], programs: ["p1"], authorities: ["auth-a"], jurisdictions: ["FR"]);
        var encoded = new ClientPrincipal("op-a-key", new HashSet<string> { TariffsRoles.Operator }) { Scopes = scopes }.Encode();

        var decoded = ClientPrincipal.Decode(encoded)!;

        Assert.Equal("op-a-key", decoded.Id);
        Assert.Equal(["op-a"], decoded.Scopes.Operators);
        Assert.Equal(["agency-a"], decoded.Scopes.Agencies);
        Assert.Equal(["p1"], decoded.Scopes.Programs);
        Assert.Equal(["auth-a"], decoded.Scopes.Authorities);
        Assert.Equal(["FR"], decoded.Scopes.Jurisdictions);
    }

    private AccessAuthorizer Authorizer(bool trustPrincipalHeader) =>
        Authorizer(new RoleAuthorizationOptions { TrustPrincipalHeader = trustPrincipalHeader });

    private AccessAuthorizer Authorizer(RoleAuthorizationOptions options) =>
        new(Options.Create(options), log, new FakeClock(Instant.FromUtc(2026, 12, 6, 1, 2, 3)), NullLogger<AccessAuthorizer>.Instance);

    private static HttpRequest Request(string? principalHeader)
    {
        var context = new DefaultHttpContext();
        if (principalHeader is not null)
            context.Request.Headers[ClientPrincipal.HeaderName] = principalHeader;
        return context.Request;
    }

    private static int? StatusOf(Access access) => Assert.IsType<ObjectResult>(access.Denial).StatusCode;

    private sealed class RecordingLog : IAccessLogAppender
    {
        public List<AccessLogEntity> Entries { get; } = [];

        public Task AppendAsync(AccessLogEntity entry, CancellationToken cancellationToken)
        {
            Entries.Add(entry);
            return Task.CompletedTask;
        }
    }
}
