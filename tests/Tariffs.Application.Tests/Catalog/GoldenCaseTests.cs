using System.Text.Json.Nodes;
using Tariffs.Domain.Corrections;
using Tariffs.Domain.Eligibility.Criteria;
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

        var line = GoldenCases.Line(golden["line"]!, catalog);
        var flags = GoldenCases.Windows(golden["eligibility"]);
        var determined = GoldenCases.Determined(golden["facts"], catalog, line.Period);
        if (golden["facts"] is not null)
            AssertDetermined(expect, determined, $"{file} '{name}'");
        var windows = EligibilityDetermination.Merge(flags, [], EligibilityDetermination.Windows(determined));
        var outcome = TariffEngine.Price(line, catalog, windows);

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

    /// <summary>
    /// A case with facts states the eligible windows determined in the line's period per program with criteria
    /// ("determined": program → ["from..to"], an empty list: not eligible), and may pin a piece of each program's
    /// explanation ("explanations": program → text found in the finding of its first period).
    /// </summary>
    private static void AssertDetermined(JsonNode expect, IReadOnlyList<DeterminedPeriod> determined, string what)
    {
        Assert.True(expect["determined"] is JsonObject, $"{what} states facts but no determined windows");
        foreach (var (program, windows) in expect["determined"]!.AsObject())
            Assert.Equal(
                windows!.AsArray().Select(w => (string)w!),
                determined.Where(p => p.ProgramId == program && p.Eligible == true).Select(p => $"{p.Period.Start:yyyy-MM-dd}..{p.Period.End:yyyy-MM-dd}"));
        foreach (var (program, text) in expect["explanations"]?.AsObject() ?? [])
            Assert.Contains((string)text!, string.Join("\n", determined.Where(p => p.ProgramId == program).Select(p => p.Finding.ToString())));
        Assert.All(determined, p => Assert.False(string.IsNullOrWhiteSpace(p.Finding.ToString())));
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
