namespace Tariffs.Infra.Tests;

/// <summary>The Function App runs on Flex Consumption as a managed identity, with no secret in its settings.</summary>
public sealed class FunctionAppTemplateTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string StorageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab";

    [Fact]
    public void Plan_is_Flex_Consumption()
    {
        var plan = Assert.Single(template.ResourcesOfType("Microsoft.Web/serverfarms"));
        var sku = plan.GetProperty("sku");

        Assert.Equal("FC1", sku.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", sku.GetProperty("tier").GetString());
    }

    [Fact]
    public void Site_is_a_linux_dotnet_isolated_function_app_deployed_from_blob_with_its_identity()
    {
        var site = Assert.Single(template.ResourcesOfType("Microsoft.Web/sites"));
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");
        var storage = config.GetProperty("deployment").GetProperty("storage");

        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        Assert.True(site.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
        Assert.True(config.GetProperty("scaleAndConcurrency").TryGetProperty("maximumInstanceCount", out _));
        Assert.True(config.GetProperty("scaleAndConcurrency").TryGetProperty("instanceMemoryMB", out _));
    }

    [Fact]
    public void Runtime_version_defaults_to_dotnet_10()
    {
        var parameter = template.Root.GetProperty("parameters").GetProperty("functionsRuntimeVersion");

        Assert.Equal("10.0", parameter.GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void No_string_in_the_template_carries_a_storage_key()
    {
        Assert.All(template.AllStrings, value =>
        {
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys(", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listAccountSas(", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listServiceSas(", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Host_storage_is_identity_based()
    {
        Assert.Empty(template.PropertiesNamed("AzureWebJobsStorage"));
        Assert.Single(template.PropertiesNamed("AzureWebJobsStorage__accountName"));
        Assert.Single(template.PropertiesNamed("AzureWebJobsStorage__clientId"));
        var credential = Assert.Single(template.PropertiesNamed("AzureWebJobsStorage__credential"));
        Assert.Equal("managedidentity", credential.GetString());
    }

    [Fact]
    public void Application_Insights_uses_Entra_authentication()
    {
        Assert.Single(template.PropertiesNamed("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        var authentication = Assert.Single(template.PropertiesNamed("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")).GetString()!;
        Assert.Contains("ClientId=", authentication, StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", authentication, StringComparison.Ordinal);

        var component = Assert.Single(template.ResourcesOfType("Microsoft.Insights/components"));
        var properties = component.GetProperty("properties");
        Assert.True(properties.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.True(properties.TryGetProperty("WorkspaceResourceId", out _), "Application Insights must be workspace-based.");
        Assert.Single(template.ResourcesOfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Young_generation_is_the_one_the_local_host_is_measured_with()
    {
        var gen0Size = Assert.Single(template.PropertiesNamed("DOTNET_GCgen0size")).GetString();
        Assert.Equal(Tariffs.Testing.LocalHostStartInfo.Gen0Size, gen0Size);
    }

    [Fact]
    public void Equity_report_runs_daily_at_two()
    {
        var schedule = template.Root.GetProperty("parameters").GetProperty("equityReportSchedule");
        Assert.Equal("0 0 2 * * *", schedule.GetProperty("defaultValue").GetString());
        Assert.Single(template.PropertiesNamed("EquityReportSchedule"));
    }

    [Fact]
    public void Identity_gets_data_roles_on_storage_and_metrics_publisher_on_Application_Insights()
    {
        Assert.Single(template.ResourcesOfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
        var strings = template.AllStrings.ToList();

        Assert.Contains(StorageBlobDataOwner, strings);
        Assert.Contains(StorageQueueDataContributor, strings);
        Assert.Contains(StorageTableDataContributor, strings);
        Assert.Contains(MonitoringMetricsPublisher, strings);
        Assert.DoesNotContain(strings, s => s.Contains(StorageAccountContributor, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, template.ResourcesOfType("Microsoft.Authorization/roleAssignments").Count());
    }

    [Fact]
    public void Resources_carry_azd_tags_and_the_template_outputs_the_app()
    {
        var allTags = template.Root.GetProperty("variables").GetProperty("allTags").GetString()!;
        Assert.Contains("'azd-env-name'", allTags, StringComparison.Ordinal);

        var module = template.ModuleDeclaring("Microsoft.Web/sites");
        var appTags = module.GetProperty("properties").GetProperty("parameters").GetProperty("appTags").GetProperty("value").GetString()!;
        Assert.Contains("'azd-service-name', 'functions'", appTags, StringComparison.Ordinal);

        var outputs = template.Root.GetProperty("outputs");
        Assert.True(outputs.TryGetProperty("AZURE_FUNCTION_APP_NAME", out _));
        Assert.True(outputs.TryGetProperty("FUNCTION_APP_ENDPOINT", out _));
    }
}
