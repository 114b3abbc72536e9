using FsCheck.Xunit;
using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Corrections;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Domain.Social.Parameters;
using Tariffs.Domain.Social.Rules;

namespace Tariffs.Domain.Tests.Corrections;

/// <summary>
/// A late grant of a second program on a line already billed (issue 13): the catch-up includes the knock-ons on the
/// other program's rules, so the line ends exactly where it would be had the grant come first; and it never makes the
/// social bill higher than it was.
/// </summary>
public class LateGrantTests
{
    private static readonly LocalDate Start = new(2022, 1, 1);
    private static readonly LegalReference Legal = new("late-grant test catalog");

    /// <summary>
    /// Water at 1.00 €/m³; program "support" (no claw-back): bill capped at 300 € a year, then 40 € a year per person
    /// from the 2nd; program "fera" (no claw-back): 18 % off everything.
    /// </summary>
    private static ServiceCatalog Catalog() => new("late", "water",
        new Dictionary<string, Tariff>
        {
            ["DOM"] = new("DOM", "Domestic", Currency.Eur, "m3", Versions(new PriceSchedule([], [new PriceBlock(null, BasisPeriod.CalendarYear, 1.00m)]))),
        },
        [
            new SocialProgram("support", "Support", EligibilityStart.AsGiven, false,
            [
                new AmountCapRule("cap", ["DOM"], Versions(new AmountCap(300m, BasisPeriod.CalendarYear))),
                new PerPersonCreditRule("credit", ["DOM"], Versions(new PerPersonCredit(40m, 2, BasisPeriod.CalendarYear))),
            ]),
            new SocialProgram("fera", "FERA-like", EligibilityStart.AsGiven, false,
                [new PercentageDiscountRule("discount", ["DOM"], Versions(new PercentageDiscount(18m, DiscountComponents.All)))]),
        ]);

    private static BillingLine Line(DateInterval period, decimal quantity, int persons) =>
        new(1, "hh", "acc", "A", true, persons, period, quantity, "m3", "DOM", 0m);

    private static EligibilityWindow Window(string program, LocalDate from) => new(program, new DateInterval(from, DateIntervals.OpenEnd), from, "flag");

    private static Timeline<T> Versions<T>(T value) => new([new Dated<T>(Start, Legal, value)]);

    private static List<PostedAdjustment> Posted(LineOutcome outcome) =>
        outcome.Adjustments.Select(a => new PostedAdjustment(a.RuleId, a.ProgramId, a.Step, a.Amount)).ToList();

    [Fact]
    public void The_caps_knock_on_of_a_late_discount_is_posted_and_the_line_ends_as_if_the_grant_came_first()
    {
        var catalog = Catalog();
        var line = Line(new DateInterval(Start, new LocalDate(2022, 12, 31)), 400m, persons: 2);
        // Billed with "support" only: 400 capped at 300 (−100), credit 40 × 1 person (−40): social bill 260.
        var billed = TariffEngine.Price(line, catalog, [Window("support", Start)]);
        Assert.Equal(260.00m, billed.SocialBill);

        // Then "fera" is granted from 1 January: 18 % of 400 (−72) leaves 328, capped at 300 (−28), credit −40: 260.
        var recomputed = TariffEngine.Price(line, catalog, [Window("support", Start), Window("fera", Start)]);
        var result = AdjustmentCorrections.Compute(Posted(billed), recomputed, catalog);

        Assert.Empty(result.Withheld);
        Assert.Equal(
            ["cap +72.00", "discount -72.00"],
            result.Corrections.Select(c => $"{c.Adjustment.RuleId} {c.Adjustment.Amount:+0.00;-0.00}").Order());
        Assert.Equal(260.00m, billed.SocialBill + result.Corrections.Sum(c => c.Adjustment.Amount));
    }

    [Fact]
    public void A_line_that_moves_against_the_household_without_claw_back_keeps_what_was_posted()
    {
        var catalog = Catalog();
        var line = Line(new DateInterval(Start, new LocalDate(2022, 12, 31)), 400m, persons: 2);
        // Billed eligible for both (discount −72, cap −28, credit −40), then "fera" is lost with its window ended before
        // the period: the discount would go (+72) and the cap give more (−72); the line as a whole does not move.
        var billed = TariffEngine.Price(line, catalog, [Window("support", Start), Window("fera", Start)]);
        var recomputed = TariffEngine.Price(line, catalog, [Window("support", Start)]);
        var lost = AdjustmentCorrections.Compute(Posted(billed), recomputed, catalog);
        Assert.Empty(lost.Withheld); // no change to the bill as a whole: posting both keeps it at 260

        // Losing "support" too: +100 +40 against the household, withheld without claw-back.
        var none = AdjustmentCorrections.Compute(Posted(billed), TariffEngine.Price(line, catalog, []), catalog);
        Assert.Empty(none.Corrections);
        Assert.Equal(["cap 28.00", "credit 40.00", "discount 72.00"], none.Withheld.Select(w => $"{w.RuleId} {w.Amount:0.00}").Order());
    }

    /// <summary>
    /// Over generated lines and grant dates: posted with "support" only, then corrected after "fera" is granted, each
    /// rule's total equals its amount had both grants come first, and the social bill is never higher than it was.
    /// </summary>
    [Property(MaxTest = 500)]
    public bool A_late_grant_ends_where_an_early_one_would_and_never_raises_the_bill(ushort start, ushort length, ushort quantity, byte persons, ushort grantDay)
    {
        var from = Start.PlusDays(start % 360);
        var to = from.PlusDays(length % (365 - (start % 360)));
        var line = Line(new DateInterval(from, to.Year == 2022 ? to : new LocalDate(2022, 12, 31)), quantity % 80001 / 100m, persons % 8 + 1);
        var catalog = Catalog();
        var support = Window("support", Start);
        var fera = Window("fera", Start.PlusDays(grantDay % 365));

        var billed = TariffEngine.Price(line, catalog, [support]);
        var early = TariffEngine.Price(line, catalog, [support, fera]);
        var result = AdjustmentCorrections.Compute(Posted(billed), early, catalog);

        var late = Posted(billed).Select(p => (p.RuleId, p.Amount))
            .Concat(result.Corrections.Select(c => (c.Adjustment.RuleId, c.Adjustment.Amount)))
            .GroupBy(x => x.RuleId).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        var expected = early.Adjustments.ToDictionary(a => a.RuleId, a => a.Amount);
        var sameSums = late.Where(kv => kv.Value != 0m).OrderBy(kv => kv.Key).SequenceEqual(expected.Where(kv => kv.Value != 0m).OrderBy(kv => kv.Key));
        var socialAfter = billed.SocialBill + result.Corrections.Where(c => c.Adjustment.Step < RuleStep.Payment).Sum(c => c.Adjustment.Amount);
        return sameSums && result.Withheld.Count == 0 && socialAfter <= billed.SocialBill;
    }

    [Fact]
    public void A_grant_that_only_cuts_the_period_again_moves_no_cent()
    {
        // 270 kWh at 0.30 over 317 days, 32.5 % off without claw-back: −0.325 × 81.00 = −26.325, −26.33 half away from
        // zero. Billed with two overlapping windows (cut on 17 October), then a third (cut again on 5 November): the
        // household is eligible every day either way, so the discount stays −26.33 and nothing is corrected or withheld.
        var catalog = new ServiceCatalog("care", "energy",
            new Dictionary<string, Tariff>
            {
                ["E1"] = new("E1", "Residential", Currency.Usd, "kWh", Versions(new PriceSchedule([], [new PriceBlock(null, BasisPeriod.CalendarYear, 0.30m)]))),
            },
            [new SocialProgram("care", "CARE", EligibilityStart.AsGiven, false,
                [new PercentageDiscountRule("discount", ["E1"], Versions(new PercentageDiscount(32.5m, DiscountComponents.All)))])]);
        var line = new BillingLine(1, "hh", "acc", "A", true, 5, new DateInterval(new LocalDate(2024, 5, 2), new LocalDate(2025, 3, 14)), 270m, "kWh", "E1", 0m);
        EligibilityWindow[] windows = [Window("care", new LocalDate(2023, 10, 8)), Window("care", new LocalDate(2024, 10, 17))];

        var billed = TariffEngine.Price(line, catalog, windows);
        var recomputed = TariffEngine.Price(line, catalog, [.. windows, Window("care", new LocalDate(2024, 11, 5))]);
        var result = AdjustmentCorrections.Compute(Posted(billed), recomputed, catalog);

        Assert.Equal([2, 3], new[] { billed.Segments.Count, recomputed.Segments.Count });
        Assert.Equal(-26.33m, Assert.Single(billed.Adjustments).Amount);
        Assert.Equal(-26.33m, Assert.Single(recomputed.Adjustments).Amount);
        Assert.Empty(result.Corrections);
        Assert.Empty(result.Withheld);
    }
}
