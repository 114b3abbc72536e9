using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Money;
using Tariffs.Domain.Scales;
using Tariffs.Domain.Social;
using Tariffs.Domain.Social.Parameters;
using Tariffs.Domain.Social.Rules;

namespace Tariffs.Benchmarks;

/// <summary>
/// A synthetic population priced by the benchmark: a water tariff with a monthly standing charge and two
/// increasing blocks, repriced on 1 July 2022 (a quarter of the lines span the change); three programs (CSS:
/// social block price and per-person credit; a 20% discount; an income-scale payment); 20% of households
/// eligible, a third of those from inside their period. Deterministic (fixed seed).
/// </summary>
public static class SyntheticPopulation
{
    private static readonly LegalReference Legal = new("synthetic benchmark catalog");
    private static readonly LocalDate Start = new(2022, 1, 1);

    public static ServiceCatalog Catalog()
    {
        var tariff = new Tariff("DOM", "Domestic water", Currency.Eur, "m3", new Timeline<PriceSchedule>(
        [
            new Dated<PriceSchedule>(Start, Legal, Schedule(0.89m, 1.66m)),
            new Dated<PriceSchedule>(new LocalDate(2022, 7, 1), Legal, Schedule(0.93m, 1.72m)),
        ]));
        SocialRule[] css =
        [
            new SocialBlockPriceRule("css-block", ["DOM"], Versions<IReadOnlyList<decimal?>>([0.34m, null])),
            new PerPersonCreditRule("css-credit", ["DOM"], Versions(new PerPersonCredit(12m, 6, BasisPeriod.CalendarYear))),
        ];
        SocialRule[] discount = [new PercentageDiscountRule("discount", ["DOM"], Versions(new PercentageDiscount(20m, DiscountComponents.All)))];
        SocialRule[] payment =
        [
            new IncomeScalePaymentRule("scale", ["DOM"], Versions(new IncomeScale(
                Allowance.PersonTable(1m, 0.5m, 0.3m),
                new BracketScale<int>([new(1m, 0), new(1.5m, 1), new(2m, 2)]),
                new BracketScale<IReadOnlyList<decimal>>([new(0m, [194m, 240m, 277m]), new(5600m, [146m, 176m, 202m]), new(10800m, [0m, 0m, 0m])]),
                BasisPeriod.CalendarYear))),
        ];
        return new ServiceCatalog("bench", "water", new Dictionary<string, Tariff> { ["DOM"] = tariff },
        [
            new SocialProgram("css", "CSS", EligibilityStart.AsGiven, false, css),
            new SocialProgram("discount", "Discount", EligibilityStart.DecisionDate, false, discount),
            new SocialProgram("payment", "Payment", EligibilityStart.AsGiven, false, payment),
        ]);
    }

    /// <summary>Lines with their household's eligibility windows (empty for 80% of households).</summary>
    public static (BillingLine Line, IReadOnlyList<EligibilityWindow> Windows)[] Lines(int count)
    {
        var random = new Random(20220101);
        var result = new (BillingLine, IReadOnlyList<EligibilityWindow>)[count];
        for (var i = 0; i < count; i++)
        {
            var from = Start.PlusMonths(random.Next(0, 10));
            var period = new DateInterval(from, from.PlusMonths(3).PlusDays(-1));
            var persons = random.Next(1, 8);
            var line = new BillingLine(i + 1, $"hh-{i}", $"acc-{i}", $"area-{i % 20}", true, persons, period,
                Math.Round((decimal)(random.NextDouble() * 60), 3), "m3", "DOM", 0m);
            IReadOnlyList<EligibilityWindow> windows = [];
            if (random.Next(5) == 0)
            {
                var windowStart = random.Next(3) == 0 ? period.Start.PlusDays(random.Next(1, 60)) : Start.PlusYears(-1);
                var facts = new HouseholdFacts(windowStart, random.Next(4000, 20000), 2021, persons);
                var window = new DateInterval(windowStart, DateIntervals.OpenEnd);
                windows = (i % 3) switch
                {
                    0 => [new EligibilityWindow("css", window, windowStart, $"f-{i}", facts)],
                    1 => [new EligibilityWindow("css", window, windowStart, $"f-{i}", facts), new EligibilityWindow("payment", window, windowStart, $"g-{i}", facts)],
                    _ => [new EligibilityWindow("discount", window, windowStart, $"f-{i}", facts)],
                };
            }
            result[i] = (line, windows);
        }
        return result;
    }

    private static Timeline<T> Versions<T>(T value) => new([new Dated<T>(Start, Legal, value)]);

    private static PriceSchedule Schedule(decimal essential, decimal further) => new(
        [new FixedCharge("standing", 3.10m, BasisPeriod.Month)],
        [new PriceBlock(Allowance.PerHousehold(80m), BasisPeriod.CalendarYear, essential), new PriceBlock(null, BasisPeriod.CalendarYear, further)]);
}
