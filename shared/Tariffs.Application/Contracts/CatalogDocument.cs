using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>
/// A tariff catalog document published by an authority for one service (schema:
/// shared/contracts/tariff-catalog.schema.json): standard tariffs and social programs, every value dated
/// and referenced. Bases: "year", "month", "day", or "year@MM-dd" for a year starting on another day.
/// </summary>
public sealed class CatalogDocument
{
    public string? Authority { get; init; }
    public string? Service { get; init; }
    public string? Currency { get; init; }
    public string? Unit { get; init; }
    public string? Description { get; init; }
    public List<TariffDocument>? Tariffs { get; init; }
    public List<ProgramDocument>? Programs { get; init; }
}

public sealed class TariffDocument
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public List<TariffVersionDocument>? Versions { get; init; }
}

public sealed class TariffVersionDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    public List<FixedChargeDocument>? FixedCharges { get; init; }
    public List<BlockDocument>? Blocks { get; init; }
}

public sealed class FixedChargeDocument
{
    public string? Name { get; init; }
    public decimal? Amount { get; init; }
    public string? Basis { get; init; }
}

/// <summary>A block; no width for the last, unbounded block.</summary>
public sealed class BlockDocument
{
    public WidthDocument? Width { get; init; }
    public string? Basis { get; init; }
    public decimal? Price { get; init; }
}

/// <summary>Exactly one of: per household, per person, or a person table [first, second, further].</summary>
public sealed class WidthDocument
{
    public decimal? PerHousehold { get; init; }
    public decimal? PerPerson { get; init; }
    public List<decimal>? PersonTable { get; init; }
}

public sealed class ProgramDocument
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? EligibilityStart { get; init; }
    public bool? ClawBack { get; init; }
    public List<RuleDocument>? Rules { get; init; }
}

public sealed class RuleDocument
{
    public string? Id { get; init; }
    public string? Kind { get; init; }
    public List<string>? Tariffs { get; init; }
    public List<RuleVersionDocument>? Versions { get; init; }
}

public sealed class RuleVersionDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    /// <summary>Social block price: one price per block of the tariff, null to keep the standard price.</summary>
    public List<decimal?>? BlockPrices { get; init; }
}
