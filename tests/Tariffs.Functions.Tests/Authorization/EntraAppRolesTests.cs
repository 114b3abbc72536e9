using System.Text.Json;
using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Tests.Authorization;

/// <summary>
/// infra/entra-app-roles.json, the app roles to create on the API's Entra ID app registration: the value of an app
/// role is what a token's <c>roles</c> claim carries, so the values must be the Tariffs role names.
/// </summary>
public sealed class EntraAppRolesTests
{
    private static readonly JsonElement[] AppRoles = ReadAppRoles();

    [Fact]
    public void App_role_values_are_the_Tariffs_roles()
    {
        Assert.Equal(TariffsRoles.All, AppRoles.Select(r => r.GetProperty("value").GetString()));
    }

    [Fact]
    public void App_roles_are_enabled_with_distinct_ids_for_users_and_applications()
    {
        Assert.All(AppRoles, role =>
        {
            Assert.True(role.GetProperty("isEnabled").GetBoolean());
            Assert.True(Guid.TryParse(role.GetProperty("id").GetString(), out _));
            Assert.Equal(["User", "Application"], role.GetProperty("allowedMemberTypes").EnumerateArray().Select(t => t.GetString()));
        });
        Assert.Equal(AppRoles.Length, AppRoles.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
    }

    private static JsonElement[] ReadAppRoles()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "entra-app-roles.json")));
        return document.RootElement.EnumerateArray().Select(r => r.Clone()).ToArray();
    }
}
