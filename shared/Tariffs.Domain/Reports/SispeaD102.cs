using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Reports;

/// <summary>
/// SISPEA indicator D102.0, the price of 120 m³ on 1 January: the standard bill, as <see cref="TariffEngine"/> prices
/// and rounds a line, of <see cref="Quantity"/> m³ consumed over the calendar year, priced throughout at the version of
/// the authority's tariff in force on 1 January (its standing charges and blocks for the whole year, whatever versions
/// follow), for a household of <see cref="Persons"/> persons (only block widths per person depend on it). Prices are
/// the catalog's as published: taxes are in it only as far as they are in the catalog's prices. Pure.
/// </summary>
public static class SispeaD102
{
    /// <summary>The reference consumption, in m³ a year.</summary>
    public const decimal Quantity = 120m;

    /// <summary>The reference household's size: the household of 120 m³ in PRODUCT.md worked example 1.</summary>
    public const int Persons = 4;

    /// <summary>True for the report cells the indicator is defined for: a calendar year of the water service.</summary>
    public static bool Covers(string service, ReportPeriod period) =>
        period.Kind == ReportPeriodKind.Year && string.Equals(service, "water", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The price of 120 m³ in <paramref name="year"/> at the catalog's standard tariff, in its currency; null when the
    /// catalog has not exactly one tariff (which one a household pays would be a guess), its tariff is not priced per
    /// m³, or no version of it is in force on 1 January.
    /// </summary>
    public static decimal? Price(ServiceCatalog catalog, int year)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Tariffs.Count != 1)
            return null;
        var tariff = catalog.Tariffs.Values.Single();
        var firstJanuary = new LocalDate(year, 1, 1);
        if (tariff.Unit != "m3" || tariff.Versions.At(firstJanuary) is not { } inForce)
            return null;
        var held = tariff with { Versions = new Timeline<PriceSchedule>([inForce]) };
        var line = new BillingLine(0, "", "", "", true, Persons, new DateInterval(firstJanuary, new LocalDate(year, 12, 31)), Quantity, tariff.Unit, tariff.Code, 0m);
        var standardOnly = new ServiceCatalog(catalog.Authority, catalog.Service, new Dictionary<string, Tariff> { [tariff.Code] = held }, []);
        return TariffEngine.Price(line, standardOnly, []).StandardBill;
    }
}
