using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Domain.Social.Parameters;
using Tariffs.Domain.Social.Rules;

namespace Tariffs.Domain.Tests.Engine;

/// <summary>
/// Which facts apply to a line (issue 13, item 3): a social rule counts the persons social services stated (the facts),
/// the standard bill the persons the operator billed (the line); facts hold from the day they were established until
/// newer ones, the first facts also cover the window's days before them, and facts established after a day never
/// replace facts that held on it.
/// </summary>
public class HouseholdFactsTests
{
    private static readonly LocalDate Start = new(2022, 1, 1);
    private static readonly DateInterval Year2022 = new(Start, new LocalDate(2022, 12, 31));
    private static readonly LegalReference Legal = new("facts test catalog");

    /// <summary>Water at 1.00 €/m³; program "support": 40 € a year per person from the 2nd.</summary>
    private static ServiceCatalog Catalog() => new("facts", "water",
        new Dictionary<string, Tariff>
        {
            ["DOM"] = new("DOM", "Domestic", Currency.Eur, "m3", Versions(new PriceSchedule([], [new PriceBlock(null, BasisPeriod.CalendarYear, 1.00m)]))),
        },
        [
            new SocialProgram("support", "Support", EligibilityStart.AsGiven, false,
                [new PerPersonCreditRule("credit", ["DOM"], Versions(new PerPersonCredit(40m, 2, BasisPeriod.CalendarYear)))]),
        ]);

    private static Timeline<T> Versions<T>(T value) => new([new Dated<T>(Start, Legal, value)]);

    /// <summary>300 m³ over 2022 billed for 3 persons: a standard bill of 300.00 € (more than any credit here).</summary>
    private static BillingLine Line() => new(1, "hh", "acc", "A", true, 3, Year2022, 300m, "m3", "DOM", 300m);

    private static EligibilityWindow Window(string flag, HouseholdFacts? facts) => new("support", new DateInterval(Start, DateIntervals.OpenEnd), Start, flag, facts);

    private static HouseholdFacts Persons(int persons, LocalDate asOf) => new(asOf, Persons: persons);

    private static decimal Credit(params EligibilityWindow[] windows)
    {
        var outcome = TariffEngine.Price(Line(), Catalog(), windows);
        Assert.Equal(300.00m, outcome.StandardBill);
        return Assert.Single(outcome.Adjustments).Amount;
    }

    [Fact]
    public void Without_facts_the_rule_counts_the_persons_of_the_line() =>
        Assert.Equal(-80.00m, Credit(Window("f1", null))); // 2 persons from the 2nd × 40 €

    [Fact]
    public void With_facts_the_rule_counts_the_persons_social_services_stated_not_the_line() =>
        Assert.Equal(-160.00m, Credit(Window("f1", Persons(5, new LocalDate(2021, 12, 15))))); // 4 × 40 €

    [Fact]
    public void Facts_established_after_the_line_do_not_replace_facts_that_held_during_it() =>
        Assert.Equal(-40.00m, Credit(
            Window("f1", Persons(2, new LocalDate(2021, 12, 15))),
            Window("f2", Persons(5, new LocalDate(2023, 3, 1)))));

    [Fact]
    public void Facts_that_change_during_the_line_apply_from_the_day_they_were_established()
    {
        // 1 Jan – 30 Jun (181 days): 1 person × 40 €; 1 Jul – 31 Dec (184 days): 4 persons × 40 €.
        var expected = Math.Round(-(40m * 181m / 365m + 160m * 184m / 365m), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(-100.49m, expected);
        Assert.Equal(expected, Credit(
            Window("f1", Persons(2, new LocalDate(2021, 12, 15))),
            Window("f2", Persons(5, new LocalDate(2022, 7, 1)))));
    }

    [Fact]
    public void Facts_established_on_the_last_day_of_the_line_count_for_that_day_only()
    {
        // 364 days × 1 person, 1 day × 4 persons: 40 × 364/365 + 160/365 = 40.33.
        Assert.Equal(-40.33m, Credit(
            Window("f1", Persons(2, new LocalDate(2021, 12, 15))),
            Window("f2", Persons(5, new LocalDate(2022, 12, 31)))));
        // The day after the line: not at all.
        Assert.Equal(-40.00m, Credit(
            Window("f1", Persons(2, new LocalDate(2021, 12, 15))),
            Window("f2", Persons(5, new LocalDate(2023, 1, 1)))));
    }

    [Fact]
    public void The_first_facts_also_cover_the_days_of_the_window_before_them() =>
        // Established 1 Mar 2022 for a window from 1 Jan: they apply from 1 Jan (no earlier statement exists).
        Assert.Equal(-160.00m, Credit(Window("f1", Persons(5, new LocalDate(2022, 3, 1)))));
}
