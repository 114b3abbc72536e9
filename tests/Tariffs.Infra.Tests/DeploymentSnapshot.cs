using System.Text.Json;

namespace Tariffs.Infra.Tests;

/// <summary>
/// What a deployment of infra/main.bicep would send to Azure for given parameter values: <c>bicep snapshot</c>
/// evaluates the template offline (parameters, conditions, names, module inputs) in a made-up subscription, resource
/// group and tenant. Values known only once deployed (<c>reference()</c>, <c>environment()</c>) stay expressions.
/// </summary>
public sealed class DeploymentSnapshot
{
    /// <summary>The tenant the snapshot deploys into (the value of <c>tenant().tenantId</c>).</summary>
    public const string TenantId = "72f988bf-0000-4000-8000-000000000001";

    private readonly JsonElement[] resources;

    private DeploymentSnapshot(JsonElement[] resources) => this.resources = resources;

    /// <summary>Snapshots main.bicep with <c>environmentName</c> and the given string parameters.</summary>
    public static DeploymentSnapshot Of(params (string Name, string Value)[] parameters)
    {
        var folder = Directory.CreateTempSubdirectory("tariffs-snapshot-");
        try
        {
            // A .bicepparam file must name its template with a relative path.
            var template = Path.GetRelativePath(folder.FullName, RepositoryRoot.Combine(CompiledTemplate.MainFile));
            var parameterFile = Path.Combine(folder.FullName, "main.bicepparam");
            File.WriteAllLines(parameterFile,
            [
                $"using {Literal(template.Replace('\\', '/'))}",
                $"param environmentName = {Literal("snapshot")}",
                .. parameters.Select(p => $"param {p.Name} = {Literal(p.Value)}"),
            ]);

            var run = BicepCli.Run("snapshot", parameterFile, "--mode", "overwrite",
                "--tenant-id", TenantId,
                "--subscription-id", "00000000-0000-4000-8000-000000000001",
                "--resource-group", "rg-tariffs-snapshot",
                "--location", "westeurope");
            Assert.True(run.ExitCode == 0 && run.WarningsAndErrors.Count == 0, run.Transcript);

            using var snapshot = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(parameterFile, ".snapshot.json")));
            return new DeploymentSnapshot(
                snapshot.RootElement.GetProperty("predictedResources").EnumerateArray().Select(r => r.Clone()).ToArray());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The one predicted resource of <paramref name="type"/> whose name ends with <paramref name="nameSuffix"/>.</summary>
    public JsonElement Resource(string type, string nameSuffix = "") =>
        Assert.Single(resources, r =>
            string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase)
            && r.GetProperty("name").GetString()!.EndsWith(nameSuffix, StringComparison.Ordinal));

    /// <summary>The value of one app setting of the Function App.</summary>
    public string AppSetting(string name) =>
        Assert.Single(
            Resource("Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray(),
            s => s.GetProperty("name").GetString() == name).GetProperty("value").GetString()!;

    private static string Literal(string value) => $"'{value.Replace("\\", "\\\\").Replace("'", "\\'")}'";
}
