using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Simulations;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Simulations;

/// <summary>
/// A reform tried on bills, figures computed by hand: the Dunkerque sample tariff (first 80 m³ a year at 0.89, CSS
/// households at 0.34) against a draft lowering the CSS price to 0.24. Every household uses 120 m³ over 2022, so a
/// CSS household gets (0.89 − 0.34) × 80 = 44.00 now and (0.89 − 0.24) × 80 = 52.00 under the draft: 8.00 better off.
/// </summary>
public sealed class ReformSimulationTests
{
    private static readonly string Published = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalog-dunkerque-water.json"));
    private static readonly DateInterval Year2022 = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private static ServiceCatalog Read(string json) => CatalogDocumentReader.Read(json).Catalog ?? throw new InvalidOperationException("sample catalog unreadable");

    /// <summary>Area A: 12 CSS households and 11 others; area B: 5 others (under k = 11); area C: 11 others.</summary>
    private static ReformSimulation Simulate(int suppressionThreshold = 11)
    {
        var now = Read(Published);
        var draft = Read(Published.Replace("\"blockPrices\": [0.34, null]", "\"blockPrices\": [0.24, null]", StringComparison.Ordinal));
        Assert.NotEqual(now, draft);
        var simulation = new ReformSimulation(new EquityReportRules { SuppressionThreshold = suppressionThreshold });
        var number = 0;
        foreach (var (area, css, others) in new[] { ("A", 12, 11), ("B", 0, 5), ("C", 0, 11) })
            for (var i = 0; i < css + others; i++)
            {
                number++;
                var household = $"{area}-{i}";
                var line = new BillingLine(number, household, "acc-" + household, area, true, 1, Year2022, 120m, "m3", "DOM", 0m);
                IReadOnlyList<EligibilityWindow> windows = i < css ? [new EligibilityWindow("dunkerque-css", Year2022, new LocalDate(2022, 1, 1), "f-" + household)] : [];
                var before = TariffEngine.Price(line, now, windows);
                simulation.Add(LedgerLine.Priced("b", "op", "dunkerque", "water", Instant.FromUtc(2023, 1, 5, 8, 0), before, null), before, TariffEngine.Price(line, draft, windows));
            }
        return simulation;
    }

    [Fact]
    public void An_area_shows_the_cost_now_and_under_the_draft_and_who_gains_by_how_much()
    {
        var a = Simulate().Build().Single(c => c.Area == "A");

        Assert.Equal(("2022", false, 23), (a.Period, a.Suppressed, a.Households));
        Assert.Equal(12 * 44.00m, a.SocialCostNow);
        Assert.Equal(12 * 52.00m, a.SocialCostDraft);
        Assert.Equal((12, 0, 11), (a.BetterOff, a.WorseOff, a.Unchanged));
        Assert.Equal((12, 12), (a.ReceivingNow, a.ReceivingDraft));
        Assert.Equal(12, a.Bands["better off 0 to 10"]);
        Assert.Equal(0, a.Bands["better off 10 to 50"]);
        Assert.Equal(0, a.Bands["worse off 0 to 10"]);
    }

    [Fact]
    public void An_area_under_the_threshold_shows_nothing_nor_does_the_area_that_would_give_it_away_and_the_total_counts_every_household_once()
    {
        var cells = Simulate().Build();

        Assert.True(cells.Single(c => c.Area == "B").Suppressed);
        Assert.Null(cells.Single(c => c.Area == "B").Households);
        // B would be the total minus A and C: C, the smaller, is hidden as well (the public report's secondary suppression).
        Assert.True(cells.Single(c => c.Area == "C").Suppressed);
        var total = cells.Single(c => c.Area == "*");
        Assert.Equal((39, 12, 27), (total.Households, total.BetterOff, total.Unchanged));
        Assert.Equal(528.00m, total.SocialCostNow);
    }

    [Fact]
    public void A_count_or_its_complement_under_the_threshold_is_withheld()
    {
        // k = 12: of 23 households in area A, 11 unchanged is under k, and so is the complement (11) of the 12 better off.
        var a = Simulate(suppressionThreshold: 12).Build().Single(c => c.Area == "A");

        Assert.Equal((false, 23), (a.Suppressed, a.Households));
        Assert.Null(a.BetterOff);
        Assert.Null(a.Unchanged);
        Assert.Equal(0, a.WorseOff);
        Assert.Null(a.Bands["better off 0 to 10"]);
    }

    [Fact]
    public void The_household_level_diff_gives_each_household_what_it_pays_and_receives()
    {
        var changes = Simulate().Households().Where(h => h.Area == "A").ToDictionary(h => h.HouseholdId);

        // CSS: 80 × 0.34 + 40 × 1.66 = 93.60 now, 80 × 0.24 + 40 × 1.66 = 85.60 under the draft.
        Assert.Equal((93.60m, 85.60m, -8.00m), (changes["A-0"].NetNow, changes["A-0"].NetDraft, changes["A-0"].Change));
        Assert.Equal((44.00m, 52.00m), (changes["A-0"].SocialNow, changes["A-0"].SocialDraft));
        // Not CSS: 80 × 0.89 + 40 × 1.66 = 137.60 either way.
        Assert.Equal((137.60m, 137.60m, 0m), (changes["A-20"].NetNow, changes["A-20"].NetDraft, changes["A-20"].Change));
    }
}
