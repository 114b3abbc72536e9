using System.Text.Json.Nodes;
using Tariffs.Application.Catalog;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>A catalog amount that reaches the engine is at most 1,000,000 (per unit for a price): at the limit it reads, one cent past it is refused.</summary>
public class CatalogLimitTests
{
    private static JsonNode Sample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalog-dunkerque-water.json")))!;

    [Fact]
    public void A_block_price_of_one_million_reads_and_one_cent_more_is_refused()
    {
        const string field = "price";
        var atLimit = Sample();
        atLimit["tariffs"]![0]!["versions"]![0]!["blocks"]![0]![field] = 1_000_000m;
        var pastLimit = Sample();
        pastLimit["tariffs"]![0]!["versions"]![0]!["blocks"]![0]![field] = 1_000_000.01m;

        var read = CatalogDocumentReader.Read(atLimit.ToJsonString());
        var refused = CatalogDocumentReader.Read(pastLimit.ToJsonString());

        Assert.True(read.Catalog is not null, string.Join("; ", read.Errors));
        Assert.Equal([$"$.tariffs[0].versions[0].blocks[0].{field}: at most 1,000,000"], refused.Errors);
    }
}
