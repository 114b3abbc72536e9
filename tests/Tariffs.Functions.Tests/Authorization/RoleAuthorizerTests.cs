using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Tests.Authorization;

/// <summary>Roles come from the principal header only where the deployment says something in front of the app sets it.</summary>
public sealed class RoleAuthorizerTests
{
    private static readonly RoleAuthorizer Trusting = Authorizer(trustPrincipalHeader: true);

    [Fact]
    public void An_untrusted_header_gives_no_role_even_a_well_formed_one()
    {
        var request = Request(new ClientPrincipal("regulator-staff", new HashSet<string> { TariffsRoles.Regulator }).Encode());

        var denied = Authorizer(trustPrincipalHeader: false).Deny(request, TariffsRoles.Regulator);

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
    public void A_trusted_request_without_a_readable_principal_is_401(string? header)
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, StatusOf(Trusting.Deny(Request(header), TariffsRoles.Regulator)));
    }

    [Fact]
    public void A_trusted_principal_without_the_role_is_403()
    {
        var request = Request(new ClientPrincipal("operator-billing", new HashSet<string> { TariffsRoles.Operator }).Encode());

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(Trusting.Deny(request, TariffsRoles.Regulator)));
    }

    [Fact]
    public void A_trusted_principal_with_one_of_the_roles_passes()
    {
        var request = Request(new ClientPrincipal("operator-billing", new HashSet<string> { TariffsRoles.Operator }).Encode());

        Assert.Null(Trusting.Deny(request, TariffsRoles.Regulator, TariffsRoles.Operator));
    }

    // App Service authentication with Microsoft Entra ID: the token's app roles (the `roles` claim, whose values are
    // the app role values of the registration) become claims of the principal header.
    [Theory]
    [InlineData("roles")]
    [InlineData("http://schemas.microsoft.com/ws/2008/06/identity/claims/role")]
    public void Entra_app_roles_are_Tariffs_roles(string claimType)
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

        Assert.Null(Trusting.Deny(Request(header), TariffsRoles.SocialServices));
        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(Trusting.Deny(Request(header), TariffsRoles.Regulator)));
    }

    private static RoleAuthorizer Authorizer(bool trustPrincipalHeader) =>
        new(Options.Create(new RoleAuthorizationOptions { TrustPrincipalHeader = trustPrincipalHeader }));

    private static HttpRequest Request(string? principalHeader)
    {
        var context = new DefaultHttpContext();
        if (principalHeader is not null)
            context.Request.Headers[ClientPrincipal.HeaderName] = principalHeader;
        return context.Request;
    }

    private static int? StatusOf(IActionResult? result) => Assert.IsType<ObjectResult>(result).StatusCode;
}
