using System.Text.Json.Nodes;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>The files under samples/, as the README run command loads them.</summary>
public static class Samples
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "samples");

    public static string Catalog => File.ReadAllText(Path.Combine(Folder, "catalog-dunkerque-water.json"));
    public static string Batch => File.ReadAllText(Path.Combine(Folder, "batch-dunkerque-2022.json"));
    public static JsonArray Flags => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "eligibility-flags.json")))!.AsArray();

    /// <summary>The sample catalog published under another authority, so a test's data stays out of the sample's report.</summary>
    public static string CatalogFor(string authority)
    {
        var catalog = JsonNode.Parse(Catalog)!;
        catalog["authority"] = authority;
        return catalog.ToJsonString();
    }

    /// <summary>
    /// The sample catalog under another authority with its own program (and rule <c>{program}-rule</c>), so that a
    /// test's flags and claw-back setting touch nobody else's households.
    /// </summary>
    public static string CatalogFor(string authority, string program, bool clawBack = false)
    {
        var catalog = JsonNode.Parse(Catalog)!;
        catalog["authority"] = authority;
        catalog["programs"]![0]!["id"] = program;
        catalog["programs"]![0]!["clawBack"] = clawBack;
        catalog["programs"]![0]!["rules"]![0]!["id"] = program + "-rule";
        return catalog.ToJsonString();
    }
}
