using Tariffs.Domain.Money;

namespace Tariffs.Domain.Catalog;

/// <summary>
/// A standard tariff of an authority for a service (for example the domestic water tariff of Dunkerque),
/// identified by its code, priced in one currency per unit of consumption, with dated versions.
/// </summary>
public sealed record Tariff(string Code, string Name, Currency Currency, string Unit, Timeline<PriceSchedule> Versions);
