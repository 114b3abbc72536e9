using System.Text.Json;

namespace Tariffs.Infra.Tests;

/// <summary>
/// App Service authentication (Microsoft Entra ID) is on exactly when the API's client id is given, and the app
/// trusts the principal header exactly then; anonymous callers still reach the public routes.
/// </summary>
public sealed class AuthenticationTemplateTests(CompiledTemplate template, AuthenticationTemplateTests.Snapshots snapshots)
    : IClassFixture<CompiledTemplate>, IClassFixture<AuthenticationTemplateTests.Snapshots>
{
    private const string ClientId = "3f5b9c2e-8a41-4d6f-9e07-1c2d3e4f5a6b";
    private const string OtherTenantId = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string TrustSetting = "Tariffs__Authorization__TrustPrincipalHeader";

    /// <summary>main.bicep deployed without a client id, and with one (in another tenant).</summary>
    public sealed class Snapshots
    {
        public DeploymentSnapshot WithoutClientId { get; } = DeploymentSnapshot.Of();

        public DeploymentSnapshot WithClientId { get; } =
            DeploymentSnapshot.Of(("apiClientId", ClientId), ("apiTenantId", OtherTenantId));
    }

    [Fact]
    public void Client_id_defaults_to_empty_and_azd_passes_AZURE_API_CLIENT_ID()
    {
        var parameters = template.Root.GetProperty("parameters");
        Assert.Equal("", parameters.GetProperty("apiClientId").GetProperty("defaultValue").GetString());
        Assert.Equal("[tenant().tenantId]", parameters.GetProperty("apiTenantId").GetProperty("defaultValue").GetString());

        using var file = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json")));
        var value = file.RootElement.GetProperty("parameters").GetProperty("apiClientId").GetProperty("value").GetString();
        Assert.Equal("${AZURE_API_CLIENT_ID}", value);
    }

    [Fact]
    public void Without_a_client_id_authentication_is_off_and_the_principal_header_untrusted()
    {
        var settings = AuthSettings(snapshots.WithoutClientId);

        Assert.False(settings.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.Empty(settings.GetProperty("identityProviders").EnumerateObject());
        Assert.Equal("false", snapshots.WithoutClientId.AppSetting(TrustSetting));
    }

    [Fact]
    public void With_a_client_id_Entra_ID_authentication_is_on_and_the_principal_header_trusted()
    {
        var settings = AuthSettings(snapshots.WithClientId);
        var entra = settings.GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        var issuer = entra.GetProperty("registration").GetProperty("openIdIssuer").GetString()!;

        Assert.True(settings.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.True(entra.GetProperty("enabled").GetBoolean());
        Assert.Equal(ClientId, entra.GetProperty("registration").GetProperty("clientId").GetString());
        // '<login endpoint of the cloud><tenant>/v2.0'; the endpoint is only known at deployment.
        Assert.Equal($"[format('{{0}}{{1}}/v2.0', environment().authentication.loginEndpoint, '{OtherTenantId}')]", issuer);
        Assert.Equal([$"api://{ClientId}"],
            entra.GetProperty("validation").GetProperty("allowedAudiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("true", snapshots.WithClientId.AppSetting(TrustSetting));
    }

    [Fact]
    public void Anonymous_callers_reach_the_app_and_no_token_is_stored()
    {
        var settings = AuthSettings(snapshots.WithClientId);
        var validation = settings.GetProperty("globalValidation");

        Assert.False(validation.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("AllowAnonymous", validation.GetProperty("unauthenticatedClientAction").GetString());
        Assert.False(settings.GetProperty("login").GetProperty("tokenStore").GetProperty("enabled").GetBoolean());
    }

    private static JsonElement AuthSettings(DeploymentSnapshot snapshot) =>
        snapshot.Resource("Microsoft.Web/sites/config", "/authsettingsV2").GetProperty("properties");
}
