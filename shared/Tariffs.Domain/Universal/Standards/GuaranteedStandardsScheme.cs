using Tariffs.Domain.Catalog;
using Tariffs.Domain.Money;

namespace Tariffs.Domain.Universal.Standards;

/// <summary>
/// A guaranteed-standards scheme (England's water GSS from 2 July 2025): automatic compensation for service
/// incidents of some services, in one currency, in dated versions; an incident is compensated under the
/// version in force on its deadline's date.
/// </summary>
public sealed record GuaranteedStandardsScheme(string Id, Currency Currency, IReadOnlyCollection<string> Services, Timeline<StandardsVersion> Versions);
