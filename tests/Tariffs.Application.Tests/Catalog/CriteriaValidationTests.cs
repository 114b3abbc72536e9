using Tariffs.Application.Catalog;
using Tariffs.Domain.Eligibility.Criteria;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>A program's criteria are validated on upload by kind, every error naming the JSON path of the field.</summary>
public class CriteriaValidationTests
{
    [Theory]
    [InlineData("care-fera-criteria.json", "\"kind\": \"any\"", "\"kind\": \"some\"", "$.programs[0].criteria.kind: 'some' is not a criterion kind")]
    [InlineData("care-fera-criteria.json", "\"comparison\": \"atMost\"", "\"comparison\": \"below\"", "$.programs[0].criteria.of[0].versions[0].comparison: 'below' is not one of atMost, under, over, atLeast")]
    [InlineData("care-fera-criteria.json", "\"comparison\": \"atMost\",", "", "$.programs[0].criteria.of[0].versions[0].comparison: required")]
    [InlineData("care-fera-criteria.json", "\"readOn\": \"06-01\"", "\"readOn\": \"06-31\"", "$.programs[0].criteria.of[0].readOn: '06-31' is not a day of the year as MM-dd")]
    [InlineData("care-fera-criteria.json", "\"minimumPersons\": 3", "\"minimumPersons\": 3, \"percent\": 5", "$.programs[1].criteria.of[0].versions[0].percent: not a field of householdSize")]
    [InlineData("care-fera-criteria.json", "\"minimumPersons\": 3", "\"minimumPersons\": 0", "$.programs[1].criteria.of[0].versions[0].minimumPersons")]
    [InlineData("care-fera-criteria.json", "\"perExtraPerson\": 5380", "\"perExtraPerson\": -1", "$.programs[0].criteria.of[0].guideline.versions[0].perExtraPerson: must not be negative")]
    [InlineData("care-fera-criteria.json", "\"perExtraPerson\": 5380", "\"perExtraPerson\": 5380, \"threshold\": 3", "$.programs[0].criteria.of[0].guideline.versions[0].threshold: not a field of guideline")]
    [InlineData("care-fera-criteria.json", "\"effectiveFrom\": \"2025-01-17\"", "\"effectiveFrom\": \"2024-01-17\"", "$.programs[0].criteria.of[0].guideline.versions[1].effectiveFrom: another version already takes effect on 2024-01-17")]
    [InlineData("cheque-energie-criteria.json", "\"personTable\": [1, 0.5, 0.3] }\n              ]\n            },\n            \"versions\"", "\"personTable\": [1, 0.5] }\n              ]\n            },\n            \"versions\"", "$.programs[0].criteria.of[0].unitWeights.versions[0].personTable: three weights")]
    [InlineData("cheque-energie-criteria.json", "\"mainResidence\": true", "\"tenures\": []", "$.programs[0].criteria.of[1].versions[0].tenures: at least one code")]
    [InlineData("energy-assistance-shapes.json", "\"acceptsFlags\": false,", "\"acceptsFlags\": false, \"rules\": [] }, { \"id\": \"with-criteria\", \"acceptsFlags\": false,", "$.programs[0].acceptsFlags: a program has criteria, accepts agency flags, or both")]
    [InlineData("energy-assistance-shapes.json", "\"capAt\": \"variable\"", "\"capAt\": \"heating\"", "$.programs[0].rules[0].versions[0].capAt: 'heating' is not one of bill, variable, fixed")]
    [InlineData("energy-assistance-shapes.json", "\"rowsBy\": \"income\"", "\"rowsBy\": \"wealth\"", "$.programs[0].rules[0].versions[0].scale.rowsBy: 'wealth' is not one of incomePerUnit, income")]
    public void Bad_criterion_fails_naming_the_field(string file, string original, string replacement, string expected)
    {
        var result = GoldenCases.ReadChanged(file, original, replacement);

        Assert.Null(result.Catalog);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void All_and_any_nest_at_most_four_deep()
    {
        const string leaf = "{ \"id\": \"size\", \"kind\": \"householdSize\", \"versions\": [ { \"effectiveFrom\": \"2024-01-01\", \"legalReference\": \"x\", \"minimumPersons\": 1 } ] }";
        var nested = leaf;
        for (var i = 0; i < 4; i++)
            nested = $"{{ \"id\": \"n{i}\", \"kind\": \"all\", \"of\": [ {nested} ] }}";
        var result = GoldenCases.ReadChanged("energy-assistance-shapes.json", "\"acceptsFlags\": false,", $"\"acceptsFlags\": true, \"criteria\": {nested}, \"rules\": [] }}, {{ \"id\": \"x\",");

        Assert.Contains(result.Errors, e => e.StartsWith("$.programs[0].criteria.of[0].of[0].of[0].of: all/any nest at most 4 deep", StringComparison.Ordinal));
    }

    [Fact]
    public void A_program_reads_with_its_criteria_and_whether_it_accepts_flags()
    {
        var catalog = GoldenCases.Catalog("care-fera-criteria.cases.json");
        var care = catalog.Programs[0];
        Assert.True(care.AcceptsFlags);
        var any = Assert.IsType<CombinedCriterion>(care.Criteria);
        Assert.False(any.RequireAll);
        Assert.Equal(["care-income", "care-categorical"], any.Parts.Select(p => p.Id));
        var income = Assert.IsType<IncomePovertyCriterion>(any.Parts[0]);
        Assert.Equal(new NodaTime.AnnualDate(6, 1), income.ReadOn);
        Assert.False(GoldenCases.Catalog("energy-assistance-shapes.cases.json").Programs[0].AcceptsFlags);
        Assert.Null(GoldenCases.Catalog("cheque-energie.cases.json").Programs[0].Criteria);
    }

    [Theory]
    [InlineData(false, 2.5)]
    [InlineData(true, 2)]
    public void Income_cap_tiers_may_include_their_upper_bound(bool inclusive, decimal percentAt50)
    {
        var result = GoldenCases.ReadChanged("philadelphia-tap-water.json", "\"minimumBill\": 12", $"\"tiersUpperBoundsInclusive\": {(inclusive ? "true" : "false")}, \"minimumBill\": 12");
        var rule = Assert.IsType<Tariffs.Domain.Social.Rules.IncomeCapRule>(Assert.Single(result.Catalog!.Programs[0].Rules));
        var tiers = rule.Versions.At(new NodaTime.LocalDate(2025, 1, 1))!.Value.Tiers;
        Assert.Equal(percentAt50, tiers.Find(50m)!.Value);
        Assert.Equal(2.5m, tiers.Find(50.01m)!.Value);
    }
}
