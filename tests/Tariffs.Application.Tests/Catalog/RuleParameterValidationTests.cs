using Tariffs.Application.Catalog;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>Rule parameters are validated by kind, and every error names the JSON path of the field.</summary>
public class RuleParameterValidationTests
{
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
        var result = GoldenCases.ReadChanged(file, original, replacement);

        Assert.Null(result.Catalog);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    /// <summary>
    /// A field the domain value also guards is refused once, at its path: the reader's error, not a second one
    /// from the value's constructor at the version's path.
    /// </summary>
    [Theory]
    [InlineData("california-energy.json", "\"percent\": 20,", "\"percent\": 100.01,", "$.programs[0].rules[0].versions[0].percent: a percentage from 0 to 100")]
    [InlineData("california-energy.json", "\"percent\": 20,", "\"percent\": -0.01,", "$.programs[0].rules[0].versions[0].percent: a percentage from 0 to 100")]
    [InlineData("grenoble-water.json", "\"percent\": 3,", "\"percent\": 100.01,", "$.programs[0].rules[0].versions[0].percent: a percentage from 0 to 100")]
    [InlineData("philadelphia-tap-water.json", "\"percent\": 2.5", "\"percent\": 250", "$.programs[0].rules[0].versions[0].tiers[1].percent: a percentage from 0 to 100")]
    [InlineData("philadelphia-tap-water.json", "\"basis\": \"month\"", "\"basis\": \"day\"", "$.programs[0].rules[0].versions[0].basis: an income cap is stated per month or per year")]
    [InlineData("dunkerque-water.json", "\"fromPerson\": 6", "\"fromPerson\": 0", "$.programs[0].rules[1].versions[0].fromPerson: the first person counted is 1 or more")]
    [InlineData("dunkerque-water.json", "{ \"price\": 1.66 }", "{ \"price\": -1.66 }", "$.tariffs[0].versions[1].blocks[1].price: must not be negative")]
    [InlineData("dunkerque-water.json", "\"tolerance\": 0.50,", "\"tolerance\": -0.01,", "$.uniformTariff.tolerance: must not be negative")]
    public void A_field_the_domain_also_guards_is_refused_once_at_its_path(string file, string original, string replacement, string expected)
    {
        var result = GoldenCases.ReadChanged(file, original, replacement);

        // Within the field's version (or the field itself outside versions) the field's error is the only one.
        var scope = System.Text.RegularExpressions.Regex.Match(expected, @"^.*?\.versions\[\d+\]|^[^:]*").Value;
        Assert.Null(result.Catalog);
        Assert.StartsWith(expected, Assert.Single(result.Errors, e => e.StartsWith(scope, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("california-energy.json", "\"percent\": 20,", "\"percent\": 100,")]
    [InlineData("california-energy.json", "\"percent\": 20,", "\"percent\": 0,")]
    [InlineData("grenoble-water.json", "\"percent\": 3,", "\"percent\": 100,")]
    [InlineData("dunkerque-water.json", "\"tolerance\": 0.50,", "\"tolerance\": 0,")]
    public void A_value_on_the_boundary_is_read(string file, string original, string replacement)
    {
        var result = GoldenCases.ReadChanged(file, original, replacement);

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Catalog);
    }
}
