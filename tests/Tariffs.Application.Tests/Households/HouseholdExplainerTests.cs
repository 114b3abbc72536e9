using System.Text.Json;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Households;
using Tariffs.Application.Json;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Households;

/// <summary>
/// A household's explanation from the ledger model, on the in-memory ledger: the figures a person computed, and each
/// adjustment's explanation terms in the JSON the API has always given (the terms as stored, property for property).
/// </summary>
public sealed class HouseholdExplainerTests
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    [Fact]
    public async Task A_late_grant_shows_the_original_line_its_correction_and_the_terms_a_person_can_recheck()
    {
        var ledger = new InMemoryLedger();
        var line = new BillingLine(1, "hh-1", "acc", "A", true, 4, Year, 120m, "m3", "DOM", 137.60m);
        var priced = LedgerLine.Priced("b-1", "op", "dunkerque", "water", Instant.FromUtc(2022, 3, 1, 0, 0), new LineOutcome(line, Currency.Eur, 137.60m, [], [], false), null);
        await ledger.AppendAsync([priced], CancellationToken.None);
        var grant = new Adjustment("css-block", "css", RuleStep.PriceReplacement, -44.00m, Year,
            [new AdjustmentSegment(Year, "2022-01-01", new LegalReference("Délibération 2022"), new Explanation("{quantity} m³ × ({social} − {standard})", 80m, 0.34m, 0.89m), -44.00m)]);
        await ledger.TryAppendCorrectionsAsync(priced, [LedgerItem.Of(grant, Currency.Eur, 1, "flag f-1: stored total 0.00 EUR, recomputed -44.00 EUR")], "{}", CancellationToken.None);
        var explainer = new HouseholdExplainer(ledger, new EffectiveEligibility(new InMemoryEligibility(), new InMemoryHouseholdFacts()), new InMemoryEligibility(), new InMemoryHouseholdFacts(), new CatalogRepository(new InMemoryCatalogDocuments()));

        var explanation = await explainer.ExplainAsync("hh-1", CancellationToken.None);

        var explained = Assert.Single(explanation.Lines);
        Assert.Empty(explained.Withheld);
        Assert.Equal((137.60m, 137.60m, 93.60m, "2022-01-01", "2022-12-31", "120"), (explained.Billed, explained.StandardBill, explained.SocialBill, explained.PeriodFrom, explained.PeriodTo, explained.Quantity));
        var adjustment = Assert.Single(explained.Adjustments);
        Assert.Equal(("PriceReplacement", 1, -44.00m, "flag f-1: stored total 0.00 EUR, recomputed -44.00 EUR"), (adjustment.Step, adjustment.Correction, adjustment.Amount, adjustment.Note));
        Assert.Equal("""[{"from":"2022-01-01","to":"2022-12-31","ruleVersion":"2022-01-01","legalReference":"D\u00E9lib\u00E9ration 2022","detail":"80 m\u00B3 \u00D7 (0.34 \u2212 0.89)","amount":-44.00}]""",
            JsonSerializer.Serialize(adjustment.Explanation, TariffsJson.Options));
    }

    /// <summary>
    /// The catalog was corrected for a past period (the CSS price of the first 80 m³ from 0.34 to 0.44) after the line
    /// was priced: the rules now give (0.89 − 0.44) × 80 = 36.00 of discount where the ledger holds 44.00. The CSS does
    /// not claw back, so the 8.00 is withheld, and the explanation says so.
    /// </summary>
    [Fact]
    public async Task A_difference_withheld_for_lack_of_claw_back_is_in_the_explanation_with_its_rule_and_amount()
    {
        var sample = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalog-dunkerque-water.json"));
        var published = CatalogDocumentReader.Read(sample).Catalog!;
        var documents = new InMemoryCatalogDocuments();
        var catalogs = new CatalogRepository(documents);
        Assert.Empty((await catalogs.PublishAsync(sample.Replace("\"blockPrices\": [0.34, null]", "\"blockPrices\": [0.44, null]", StringComparison.Ordinal), CancellationToken.None)).Errors);
        var window = new EligibilityWindow("dunkerque-css", Year, new LocalDate(2022, 1, 1), "f-1");
        var eligibility = new InMemoryEligibility();
        await eligibility.SaveWindowAsync("hh-1", window, "caf", "ev-1", Instant.FromUtc(2022, 1, 2, 0, 0), CancellationToken.None);
        var line = new BillingLine(1, "hh-1", "acc", "A", true, 1, Year, 120m, "m3", "DOM", 137.60m);
        var ledger = new InMemoryLedger();
        await ledger.AppendAsync([LedgerLine.Priced("b-1", "op", "dunkerque", "water", Instant.FromUtc(2023, 1, 5, 0, 0), TariffEngine.Price(line, published, [window]), null)], CancellationToken.None);

        var explained = Assert.Single((await new HouseholdExplainer(ledger, new EffectiveEligibility(eligibility, new InMemoryHouseholdFacts()), eligibility, new InMemoryHouseholdFacts(), catalogs).ExplainAsync("hh-1", CancellationToken.None)).Lines);

        Assert.Equal(93.60m, explained.SocialBill);
        var withheld = Assert.Single(explained.Withheld);
        Assert.Equal(("dunkerque-css-essential-water", "dunkerque-css", 8.00m), (withheld.RuleId, withheld.ProgramId, withheld.Amount));
        Assert.Contains("does not claw back", withheld.Reason, StringComparison.Ordinal);
    }
}
