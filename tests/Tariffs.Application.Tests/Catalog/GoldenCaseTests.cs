using System.Text.Json.Nodes;
using Tariffs.Domain.Corrections;
using Tariffs.Domain.Engine;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>Runs every golden case of samples/catalogs/*.cases.json through the catalog reader and the engine.</summary>
public class GoldenCaseTests
{
    public static IEnumerable<object[]> Cases() => GoldenCases.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_case(string file, int index, string name)
    {
        var catalog = GoldenCases.Catalog(file);
        var golden = GoldenCases.Cases(file)[index]!;
        var expect = golden["expect"]!;
        Assert.Equal(name, (string?)golden["name"]); // the row shown in the test list is the case run
        // Every case states the amounts a person computed: the standard bill and each adjustment (an empty object: none).
        Assert.True(expect["standardBill"] is JsonValue && expect["adjustments"] is JsonObject, $"{file} '{name}' states no standardBill or adjustments");

        var outcome = TariffEngine.Price(GoldenCases.Line(golden["line"]!, catalog), catalog, GoldenCases.Windows(golden["eligibility"]));

        Assert.Equal((decimal)expect["standardBill"]!, outcome.StandardBill);
        var expected = GoldenCases.Amounts(expect["adjustments"]);
        Assert.Equal(
            expected.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {GoldenCases.Format(kv.Value)}"),
            outcome.Adjustments.OrderBy(a => a.RuleId).Select(a => $"{a.RuleId} {GoldenCases.Format(a.Amount)}"));
        if (expect["socialBill"] is { } social)
            Assert.Equal((decimal)social, outcome.SocialBill);
        if (expect["payments"] is { } payments)
            Assert.Equal((decimal)payments, outcome.Payments);
        Assert.Equal(
            (expect["notes"]?.AsArray() ?? []).Select(n => (string)n!),
            outcome.Notes.Select(n => n.Text));
        if (expect.AsObject().ContainsKey("overcharge"))
        {
            var overcharge = expect["overcharge"];
            Assert.Equal(overcharge is null ? null : (decimal?)overcharge, outcome.Overcharge?.Excess);
            if (outcome.Overcharge?.Refund is { } refund)
                Assert.Equal(-outcome.Overcharge.Excess, refund.Amount);
        }
        foreach (var adjustment in outcome.Adjustments)
            AssertExplained(adjustment);

        if (golden["posted"] is { } posted)
        {
            Assert.True(expect["corrections"] is JsonObject && expect["withheld"] is JsonObject, $"{file} '{name}' posts adjustments but states no corrections or withheld");
            var result = AdjustmentCorrections.Compute(GoldenCases.Posted(posted, catalog), outcome, catalog);
            Assert.Equal(
                GoldenCases.Amounts(expect["corrections"]).OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {GoldenCases.Format(kv.Value)}"),
                result.Corrections.OrderBy(c => c.Adjustment.RuleId).Select(c => $"{c.Adjustment.RuleId} {GoldenCases.Format(c.Adjustment.Amount)}"));
            Assert.Equal(
                GoldenCases.Amounts(expect["withheld"]).OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {GoldenCases.Format(kv.Value)}"),
                result.Withheld.OrderBy(w => w.RuleId).Select(w => $"{w.RuleId} {GoldenCases.Format(w.Amount)}"));
        }
    }

    /// <summary>The explanation trail: versions, legal references and terms that add up to the amount before rounding.</summary>
    private static void AssertExplained(Adjustment adjustment)
    {
        Assert.NotEmpty(adjustment.Segments);
        Assert.False(string.IsNullOrWhiteSpace(adjustment.RuleVersions));
        Assert.False(string.IsNullOrWhiteSpace(adjustment.LegalReferences));
        Assert.Equal(adjustment.Amount, Math.Round(adjustment.Segments.Sum(s => s.Amount), 2, MidpointRounding.AwayFromZero));
        Assert.All(adjustment.Segments, s => Assert.DoesNotContain("?", s.Detail));
    }
}
