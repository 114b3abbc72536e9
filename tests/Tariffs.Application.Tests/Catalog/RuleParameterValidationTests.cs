using Tariffs.Application.Catalog;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>Rule parameters are validated by kind, and every error names the JSON path of the field.</summary>
public class RuleParameterValidationTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(GoldenCases.Folder, name));

    [Theory]
    [InlineData("philadelphia-tap-water.json", "\"minimumBill\": 12", "\"minimumBill\": 12, \"cap\": 5", "$.programs[0].rules[0].versions[0].cap: not a parameter of the incomeCap kind")]
    [InlineData("philadelphia-tap-water.json", "\"percent\": 2.5", "\"percent\": 250", "$.programs[0].rules[0].versions[0].tiers[1].percent: a percentage from 0 to 100")]
    [InlineData("philadelphia-tap-water.json", "{ \"from\": 100,", "{ \"from\": 40,", "$.programs[0].rules[0].versions[0].tiers[2].from: brackets start at strictly increasing values")]
    [InlineData("philadelphia-tap-water.json", "\"basis\": \"month\"", "\"basis\": \"day\"", "$.programs[0].rules[0].versions[0].basis: an income cap is stated per month or per year")]
    [InlineData("california-energy.json", "\"components\": \"all\"", "\"components\": \"most\"", "$.programs[0].rules[0].versions[0].components: 'most' is not one of variable, fixed, all")]
    [InlineData("cheque-energie.json", "\"amounts\": [146, 176, 202]", "\"amounts\": [146, 176]", "$.programs[0].rules[0].versions[0].scale.rows[1].amounts: one amount per column (3)")]
    [InlineData("dunkerque-water.json", "\"fromPerson\": 6", "\"fromPerson\": 0", "$.programs[0].rules[1].versions[0].fromPerson: the first person counted is 1 or more")]
    [InlineData("watersure-water.json", "\"cap\": 488.24", "\"cap\": -1", "$.programs[0].rules[0].versions[0].cap: must not be negative")]
    [InlineData("grenoble-water.json", "\"notionalVolume\": { \"personTable\": [45, 40, 35] },", "", "$.programs[0].rules[0].versions[0].notionalVolume: required")]
    [InlineData("dunkerque-water.json", "\"tolerance\": 0.50,", "", "$.uniformTariff.tolerance: required")]
    public void Bad_parameter_fails_naming_the_field(string file, string original, string replacement, string expected)
    {
        var json = Sample(file);
        Assert.Contains(original, json);
        var at = json.IndexOf(original, StringComparison.Ordinal);

        var result = CatalogDocumentReader.Read(json[..at] + replacement + json[(at + original.Length)..]);

        Assert.Null(result.Catalog);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
