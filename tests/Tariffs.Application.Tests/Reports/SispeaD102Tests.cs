using System.Text.Json.Nodes;
using Tariffs.Application.Catalog;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Reports;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Reports;

/// <summary>D102.0 priced from the sample catalogs; every expected value is worked by hand in its comment.</summary>
public class SispeaD102Tests
{
    private static readonly string Samples = Path.Combine(RepositoryRoot.Find(), "samples");

    private static ServiceCatalog Catalog(string file, Action<JsonNode>? change = null)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples, file)))!;
        change?.Invoke(document);
        var read = CatalogDocumentReader.Read(document.ToJsonString());
        return read.Catalog ?? throw new InvalidOperationException(string.Join("; ", read.Errors));
    }

    [Theory]
    [InlineData(2012, null)]     // the first version takes effect on 1 October 2012: none is in force on 1 January
    [InlineData(2013, 132.45)]   // 2012 version: 75 × 0.83 + 45 × 1.56 = 62.25 + 70.20
    [InlineData(2022, 137.60)]   // 2022 version: 80 × 0.89 + 40 × 1.66 = 71.20 + 66.40 (PRODUCT.md example 1)
    [InlineData(2023, 137.60)]   // the 2022 version is still in force
    public void Dunkerque_is_priced_at_the_version_in_force_on_1_January(int year, double? expected) =>
        Assert.Equal((decimal?)expected, SispeaD102.Price(Catalog("catalogs/dunkerque-water.json"), year));

    [Fact]
    public void A_single_unit_price_is_120_times_the_price_from_the_first_1_January_it_is_in_force()
    {
        Assert.Equal(480.00m, SispeaD102.Price(Catalog("catalogs/grenoble-water.json"), 2022)); // 120 × 4.00
        Assert.Null(SispeaD102.Price(Catalog("catalogs/watersure-water.json"), 2023)); // in force from 1 April 2023
        Assert.Equal(240.00m, SispeaD102.Price(Catalog("catalogs/watersure-water.json"), 2024)); // 120 × 2.00 GBP
    }

    [Fact]
    public void Standing_charges_count_for_the_whole_year_and_a_version_from_1_July_is_not_used()
    {
        var catalog = Catalog("catalog-dunkerque-water.json", d =>
        {
            var versions = d["tariffs"]![0]!["versions"]!.AsArray();
            versions[0]!["fixedCharges"] = new JsonArray(new JsonObject { ["name"] = "abonnement", ["amount"] = 5.00m, ["basis"] = "month" });
            var july = versions[0]!.DeepClone();
            july["effectiveFrom"] = "2022-07-01";
            july["blocks"]![0]!["price"] = 2.00m;
            versions.Add(july);
        });

        // 12 whole months × 5.00 + 80 × 0.89 + 40 × 1.66 = 60.00 + 137.60; the July price of 2.00 plays no part.
        Assert.Equal(197.60m, SispeaD102.Price(catalog, 2022));
    }

    [Fact]
    public void A_width_per_person_is_for_a_household_of_four()
    {
        var catalog = Catalog("catalog-dunkerque-water.json", d => d["tariffs"]![0]!["versions"]![0]!["blocks"]![0]!["width"] = new JsonObject { ["perPerson"] = 25 });

        // First block 4 × 25 = 100 m³: 100 × 0.89 + 20 × 1.66 = 89.00 + 33.20.
        Assert.Equal(122.20m, SispeaD102.Price(catalog, 2022));
    }

    [Fact]
    public void None_without_a_single_tariff_priced_per_cubic_metre()
    {
        var twoTariffs = Catalog("catalog-dunkerque-water.json", d =>
        {
            var other = d["tariffs"]![0]!.DeepClone();
            other["code"] = "NONDOM";
            d["tariffs"]!.AsArray().Add(other);
        });

        Assert.Null(SispeaD102.Price(twoTariffs, 2022));
        Assert.Null(SispeaD102.Price(Catalog("catalogs/philadelphia-tap-water.json"), 2022)); // priced per mcf
    }

    [Theory]
    [InlineData("water", "2022", true)]
    [InlineData("Water", "2022", true)]
    [InlineData("water", "2022-Q1", false)]
    [InlineData("water", "2022-01", false)]
    [InlineData("electricity", "2022", false)]
    public void Defined_for_years_of_the_water_service(string service, string period, bool covered)
    {
        Assert.True(ReportPeriod.TryParse(period, out var parsed));
        Assert.Equal(covered, SispeaD102.Covers(service, parsed.Value));
    }
}
