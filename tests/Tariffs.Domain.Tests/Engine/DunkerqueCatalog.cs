using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Domain.Social.Rules;

namespace Tariffs.Domain.Tests.Engine;

/// <summary>The Dunkerque 2022 water tariff of PRODUCT.md worked example 1, built in code.</summary>
internal static class DunkerqueCatalog
{
    public static readonly LegalReference Deliberation = new("Communauté urbaine de Dunkerque, délibération tarifaire 2022 (sample)");

    public static ServiceCatalog Create(LocalDate? secondVersionFrom = null)
    {
        var v2022 = new Dated<PriceSchedule>(new LocalDate(2022, 1, 1), Deliberation, Schedule(0.89m, 1.66m));
        var versions = new List<Dated<PriceSchedule>> { v2022 };
        if (secondVersionFrom is { } from)
            versions.Add(new Dated<PriceSchedule>(from, Deliberation, Schedule(1.00m, 2.00m)));
        var tariff = new Tariff("DOM", "Domestic water", Currency.Eur, "m3", new Timeline<PriceSchedule>(versions));
        var rule = new SocialBlockPriceRule("dk-css-block", ["DOM"],
            new Timeline<IReadOnlyList<decimal?>>([new Dated<IReadOnlyList<decimal?>>(new LocalDate(2022, 1, 1), Deliberation, [0.34m, null])]));
        var program = new SocialProgram("css", "Complémentaire santé solidaire", EligibilityStart.AsGiven, false, [rule]);
        return new ServiceCatalog("dunkerque", "water", new Dictionary<string, Tariff> { ["DOM"] = tariff }, [program]);
    }

    private static PriceSchedule Schedule(decimal essential, decimal further) => new PriceSchedule(
        [],
        [
            new PriceBlock(Allowance.PerHousehold(80m), BasisPeriod.CalendarYear, essential),
            new PriceBlock(null, BasisPeriod.CalendarYear, further),
        ]);
}
