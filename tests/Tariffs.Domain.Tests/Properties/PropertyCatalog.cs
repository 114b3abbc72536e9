using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Domain.Social.Parameters;
using Tariffs.Domain.Social.Rules;

namespace Tariffs.Domain.Tests.Properties;

/// <summary>
/// A catalog for the properties: a water tariff with a monthly standing charge and two year-basis blocks, and
/// one program with a social block price, a 20% discount, an amount cap and a per-person credit large enough
/// to meet the bill, so that every bill step is exercised.
/// </summary>
internal static class PropertyCatalog
{
    public static readonly LocalDate Start = new(2022, 1, 1);
    private static readonly LegalReference Legal = new("property catalog");

    public static ServiceCatalog Create(bool withCapAndCredit = true)
    {
        var tariff = new Tariff("DOM", "Domestic", Currency.Eur, "m3", Versions(new PriceSchedule(
            [new FixedCharge("standing", 3.10m, BasisPeriod.Month)],
            [new PriceBlock(Allowance.PerPerson(25m), BasisPeriod.CalendarYear, 0.89m), new PriceBlock(null, BasisPeriod.CalendarYear, 1.66m)])));
        List<SocialRule> rules =
        [
            new SocialBlockPriceRule("block", ["DOM"], Versions<IReadOnlyList<decimal?>>([0.34m, null])),
            new PercentageDiscountRule("discount", ["DOM"], Versions(new PercentageDiscount(20m, DiscountComponents.All))),
        ];
        if (withCapAndCredit)
        {
            rules.Add(new AmountCapRule("cap", ["DOM"], Versions(new AmountCap(150m, BasisPeriod.CalendarYear))));
            rules.Add(new PerPersonCreditRule("credit", ["DOM"], Versions(new PerPersonCredit(40m, 2, BasisPeriod.CalendarYear))));
        }
        return new ServiceCatalog("prop", "water", new Dictionary<string, Tariff> { ["DOM"] = tariff },
            [new SocialProgram("social", "Social", EligibilityStart.AsGiven, false, rules)]);
    }

    public static BillingLine Line(DateInterval period, decimal quantity, int persons) =>
        new(1, "hh", "acc", "A", true, persons, period, quantity, "m3", "DOM", 0m);

    public static EligibilityWindow From(LocalDate start) => new("social", new DateInterval(start, DateIntervals.OpenEnd), start, "flag");

    private static Timeline<T> Versions<T>(T value) => new([new Dated<T>(Start, Legal, value)]);
}
