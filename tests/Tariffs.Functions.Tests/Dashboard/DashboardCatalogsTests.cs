using System.Text.Json.Nodes;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Reports;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Functions.Dashboard;

namespace Tariffs.Functions.Tests.Dashboard;

/// <summary>The names and take-up targets the dashboard embeds, from the sample Dunkerque catalog.</summary>
public sealed class DashboardCatalogsTests
{
    private static readonly string SampleJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dashboard", "catalog-dunkerque-water.json"));
    private static readonly ServiceCatalog Sample = CatalogDocumentReader.Read(SampleJson).Catalog!;

    private static EquityReportRow Row(string period, string authority = "dunkerque", string area = "*") => EquityReportRow.Of(new CellReading(
        new EquityCell { Key = new EquityCellKey(period, "water", authority, area), Currency = "EUR", Unit = "m3", HouseholdsBilled = 30 },
        Currency.Eur, Instant.FromUtc(2023, 1, 5, 8, 0)));

    [Theory]
    [InlineData("fr", "Communauté urbaine de Dunkerque", "eau potable")]
    [InlineData("en", "Dunkirk Urban Community", "drinking water")]
    public void Names_are_in_the_pages_language(string language, string authority, string service)
    {
        var table = DashboardCatalogs.Build([Row("2022")], [Sample], language)["water|dunkerque"]!;

        Assert.Equal(authority, (string)table["authority"]!);
        Assert.Equal(service, (string)table["service"]!);
        Assert.Equal("Malo-les-Bains", (string)table["areas"]!["59183-A"]!);
        Assert.Equal("Rosendaël", (string)table["areas"]!["59183-B"]!);
    }

    [Fact]
    public void Each_period_gets_the_target_in_force_on_its_last_day_with_its_source()
    {
        // The sample's 80% target takes effect on 1 January 2022: nothing for 2021, 80% for 2022 and its quarters.
        var targets = DashboardCatalogs.Build([Row("2021"), Row("2022"), Row("2022-Q4")], [Sample], "fr")["water|dunkerque"]!["targets"]!;

        Assert.Null(targets["2021"]);
        Assert.Equal(0.8m, (decimal)targets["2022"]!["rate"]!);
        Assert.Equal("2022-01-01", (string)targets["2022"]!["from"]!);
        Assert.StartsWith("Communauté urbaine de Dunkerque, objectif de recours", (string)targets["2022"]!["source"]!, StringComparison.Ordinal);
        Assert.Equal(0.8m, (decimal)targets["2022-Q4"]!["rate"]!);
    }

    [Fact]
    public void A_target_adopted_during_a_year_measures_that_year_but_not_its_earlier_quarters()
    {
        var document = JsonNode.Parse(SampleJson)!;
        document["takeUpTarget"]!["versions"]![0]!["effectiveFrom"] = "2022-07-01";
        var midYear = CatalogDocumentReader.Read(document.ToJsonString()).Catalog!;

        var targets = DashboardCatalogs.Build([Row("2022"), Row("2022-Q2"), Row("2022-Q3")], [midYear], "en")["water|dunkerque"]!["targets"]!;

        Assert.Equal(0.8m, (decimal)targets["2022"]!["rate"]!);
        Assert.Null(targets["2022-Q2"]);
        Assert.Equal("2022-07-01", (string)targets["2022-Q3"]!["from"]!);
    }

    [Fact]
    public void A_table_without_a_published_catalog_gets_nothing()
    {
        var tables = DashboardCatalogs.Build([Row("2022", authority: "elsewhere")], [Sample], "en");

        Assert.Empty(tables);
    }
}
