using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Catalog;

public class CatalogDocumentReaderTests
{
    private static readonly string SampleJson =
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalog-dunkerque-water.json"));

    [Fact]
    public void Sample_catalog_reproduces_the_dunkerque_worked_example()
    {
        var catalog = CatalogDocumentReader.Read(SampleJson).Catalog!;
        var year = new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
        var line = new BillingLine(1, "hh", "acc", "A", true, 4, year, 120m, "m3", "DOM", 137.60m);
        var css = new EligibilityWindow("dunkerque-css", year, new LocalDate(2021, 12, 15), "f1");

        var outcome = TariffEngine.Price(line, catalog, [css]);

        Assert.Equal(137.60m, outcome.StandardBill);
        Assert.Equal(-44.00m, Assert.Single(outcome.Adjustments).Amount);
    }

    [Theory]
    [InlineData("\"price\": 0.89", "\"price\": -0.89", "$.tariffs[0].versions[0].blocks[0].price: must not be negative")]
    [InlineData("\"effectiveFrom\": \"2022-01-01\",", "", "$.tariffs[0].versions[0].effectiveFrom: required")]
    [InlineData("\"tariffs\": [\"DOM\"]", "\"tariffs\": [\"DOMX\"]", "$.programs[0].rules[0].tariffs[0]: unknown tariff 'DOMX'")]
    [InlineData("\"basis\": \"year\"", "\"basis\": \"fortnight\"", "$.tariffs[0].versions[0].blocks[0].basis: 'fortnight' is not a basis")]
    [InlineData("\"kind\": \"socialBlockPrice\"", "\"kind\": \"magic\"", "$.programs[0].rules[0].kind: 'magic' is not a supported rule kind")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"XYZ\"", "$.currency: 'XYZ' is not a supported currency")]
    [InlineData("\"effectiveFrom\": \"2022-01-01\"", "\"effectiveFrom\": \"2022-13-01\"", "$.tariffs[0].versions[0].effectiveFrom")]
    [InlineData("\"unit\": \"m3\"", "\"unit\": \"m3\", \"colour\": \"blue\"", "colour")]
    public void Bad_catalog_fails_naming_the_field(string original, string replacement, string expectedError)
    {
        Assert.Contains(original, SampleJson);
        var result = CatalogDocumentReader.Read(ReplaceFirst(SampleJson, original, replacement));

        Assert.Null(result.Catalog);
        Assert.Contains(result.Errors, e => e.Contains(expectedError, StringComparison.Ordinal));
    }

    [Fact]
    public void Last_block_with_a_width_is_refused()
    {
        var json = ReplaceFirst(SampleJson, "{ \"price\": 1.66 }", "{ \"width\": { \"perHousehold\": 100 }, \"basis\": \"year\", \"price\": 1.66 }");

        var result = CatalogDocumentReader.Read(json);

        Assert.Contains(result.Errors, e => e.StartsWith("$.tariffs[0].versions[0].blocks[1].width:", StringComparison.Ordinal));
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + original.Length)..];
    }
}
