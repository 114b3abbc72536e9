using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>401 without a valid key, 403 with a key whose roles the route does not allow; a client cannot forge a principal.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class AuthorizationTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("GET", "api/reports/equity/unsuppressed", null)]
    [InlineData("GET", "api/reports/equity/unsuppressed", "not-a-key")]
    [InlineData("POST", "api/reports/equity/recompute", null)]
    [InlineData("POST", "api/reports/equity/recompute", "not-a-key")]
    public async Task No_or_an_invalid_key_is_401(string method, string route, string? key)
    {
        using var client = key is null ? host.NewClient() : host.WithKey(key);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "api/reports/equity/unsuppressed", "operator")]
    [InlineData("GET", "api/reports/equity/unsuppressed", "social-services")]
    [InlineData("GET", "api/reports/equity/unsuppressed", "public")]
    [InlineData("POST", "api/reports/equity/recompute", "social-services")]
    [InlineData("POST", "api/reports/equity/recompute", "public")]
    [InlineData("PUT", "api/catalog", "operator")]
    [InlineData("PUT", "api/catalog", "social-services")]
    [InlineData("POST", "api/eligibility", "operator")]
    [InlineData("POST", "api/eligibility", "public")]
    [InlineData("POST", "api/batches", "social-services")]
    [InlineData("POST", "api/batches", "public")]
    [InlineData("GET", "api/batches/any-batch", "social-services")]
    [InlineData("POST", "api/deliveries/replay", "public")]
    public async Task A_key_without_the_role_is_403(string method, string route, string role)
    {
        using var client = host.WithKey(LocalHostFixture.RoleKeys[role]);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "api/reports/equity/unsuppressed", "regulator")]
    [InlineData("POST", "api/reports/equity/recompute", "operator")]
    public async Task A_key_with_the_role_passes(string method, string route, string role)
    {
        using var client = host.WithKey(LocalHostFixture.RoleKeys[role]);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_principal_header_sent_by_the_client_is_ignored()
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["auth_typ"] = "aad", ["role_typ"] = "roles",
            ["claims"] = new JsonArray(new JsonObject { ["typ"] = "roles", ["val"] = "regulator" }),
        }.ToJsonString()));
        using var anonymous = host.NewClient();
        anonymous.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", forged);
        using var publicKey = host.WithKey(LocalHostFixture.RoleKeys["public"]);
        publicKey.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", forged);

        using var withoutKey = await anonymous.GetAsync("api/reports/equity/unsuppressed");
        using var withPublicKey = await publicKey.GetAsync("api/reports/equity/unsuppressed");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withPublicKey.StatusCode);
    }

    [Theory]
    [InlineData("api/reports/equity")]
    [InlineData("api/dashboard")]
    [InlineData("api/openapi.json")]
    [InlineData("api/health")]
    public async Task Public_routes_need_no_key(string route)
    {
        using var response = await host.Anonymous.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
