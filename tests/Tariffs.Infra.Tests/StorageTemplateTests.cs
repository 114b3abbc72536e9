using System.Text.Json;

namespace Tariffs.Infra.Tests;

/// <summary>The storage account is key-less and holds the containers, queues and tables the app uses.</summary>
public sealed class StorageTemplateTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void Storage_account_is_StorageV2_without_shared_keys_or_public_blobs()
    {
        var account = Assert.Single(template.ResourcesOfType("Microsoft.Storage/storageAccounts"));
        var properties = account.GetProperty("properties");

        Assert.Equal("StorageV2", account.GetProperty("kind").GetString());
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    /// <summary>The app's queues, and a poison queue for each one a function is triggered by.</summary>
    private static IEnumerable<string> ExpectedQueues => Tariffs.Application.Messages.QueueNames.All.Concat(
        Tariffs.Application.Messages.QueueNames.All.Where(q => q != Tariffs.Application.Messages.QueueNames.AdjustmentsOut).Select(q => q + "-poison"));

    [Fact]
    public void Queues_are_the_triggers_their_poison_queues_and_the_adjustments_output()
    {
        var queues = NamesPassedTo("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames");

        Assert.Equal(ExpectedQueues.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tables_are_the_ledgers_and_stores()
    {
        var tables = NamesPassedTo("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames");

        Assert.Equal(Tariffs.Storage.Tables.TableNames.All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Blob_containers_hold_deployments_claim_checks_the_catalog_simulations_and_exports()
    {
        var module = template.ModuleDeclaring("Microsoft.Storage/storageAccounts/blobServices/containers");
        var containers = Strings(template.ModuleParameter(module, "containerNames"))
            .Append(template.ModuleParameter(module, "deploymentContainerName").GetString()!);

        Assert.Equal(["batches", "catalog", "deployments", "exports", "simulations"], containers.Order(StringComparer.Ordinal));
        Assert.All(
            template.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", c.GetProperty("properties").GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public void Every_queue_and_table_name_appears_in_the_compiled_template()
    {
        string[] expected =
        [
            .. ExpectedQueues,
            .. Tariffs.Storage.Tables.TableNames.All,
        ];
        var strings = template.AllStrings.ToHashSet(StringComparer.Ordinal);

        Assert.All(expected, name => Assert.Contains(name, strings));
    }

    private IEnumerable<string> NamesPassedTo(string resourceType, string parameter) =>
        Strings(template.ModuleParameter(template.ModuleDeclaring(resourceType), parameter));

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
