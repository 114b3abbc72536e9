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
    /// <summary>The universal-service uniform-tariff rule: overcharge findings above a tolerance, optionally refunded.</summary>
    public UniformTariffDocument? UniformTariff { get; init; }
}

/// <summary>Billed amounts above the repriced standard bill by more than the tolerance are overcharge findings.</summary>
public sealed class UniformTariffDocument
{
    public decimal? Tolerance { get; init; }
    public bool? Refund { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
}

public sealed class TariffDocument
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public List<TariffVersionDocument>? Versions { get; init; }
}

/// <summary>A dated version of some parameters: in force from its effective date, set by its legal reference.</summary>
public interface IDatedDocument
{
    LocalDate? EffectiveFrom { get; }
    string? LegalReference { get; }
    string? LegalUrl { get; }
}

public sealed class TariffVersionDocument : IDatedDocument
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

/// <summary>
/// A quantity by household size — exactly one of: per household, per person, or a person table [first, second,
/// further]. Used for block widths, poverty lines, notional volumes and consumption units.
/// </summary>
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
    /// <summary>The criteria eligibility is determined by from household facts (automatic social tariff).</summary>
    public CriterionDocument? Criteria { get; init; }
    /// <summary>Agency flags for the program are accepted (default true; false needs criteria).</summary>
    public bool? AcceptsFlags { get; init; }
}

public sealed class RuleDocument
{
    public string? Id { get; init; }
    public string? Kind { get; init; }
    public List<string>? Tariffs { get; init; }
    public List<RuleVersionDocument>? Versions { get; init; }
    /// <summary>"MM-dd": the parameters are read on this day of the year (a program year from 1 October).</summary>
    public string? ReadOn { get; init; }
}

public sealed class RuleVersionDocument : IDatedDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    /// <summary>socialBlockPrice: one price per block of the tariff, null to keep the standard price.</summary>
    public List<decimal?>? BlockPrices { get; init; }
    /// <summary>socialUnitPrice: the social price per unit; notionalAllocation: the notional price per unit.</summary>
    public decimal? Price { get; init; }
    /// <summary>percentageDiscount: 0–100; notionalAllocation: the share of income (%) above which the notional bill is paid.</summary>
    public decimal? Percent { get; init; }
    /// <summary>percentageDiscount: variable, fixed or all.</summary>
    public string? Components { get; init; }
    /// <summary>incomeCap: poverty line per year by household size.</summary>
    public WidthDocument? PovertyLine { get; init; }
    /// <summary>incomeCap: tiers by income as a % of the poverty line (from, inclusive) → % of income the bill is capped at (null: no cap).</summary>
    public List<TierDocument>? Tiers { get; init; }
    /// <summary>incomeCap: true when a value on a tier's lower bound belongs to the tier below ("income ≤ 150%").</summary>
    public bool? TiersUpperBoundsInclusive { get; init; }
    /// <summary>incomeCap: minimum bill per basis period.</summary>
    public decimal? MinimumBill { get; init; }
    /// <summary>notionalAllocation: notional volume per basis period by household size.</summary>
    public WidthDocument? NotionalVolume { get; init; }
    /// <summary>notionalAllocation: nothing is paid when the line's amount is below the floor.</summary>
    public decimal? Floor { get; init; }
    /// <summary>amountCap: the cap per basis period.</summary>
    public decimal? Cap { get; init; }
    /// <summary>perPersonCredit: the credit per person per basis period.</summary>
    public decimal? Amount { get; init; }
    /// <summary>perPersonCredit: the first person counted (1-based).</summary>
    public int? FromPerson { get; init; }
    /// <summary>incomeScalePayment: consumption units by household size.</summary>
    public WidthDocument? ConsumptionUnits { get; init; }
    /// <summary>incomeScalePayment: the scale of amounts per basis period.</summary>
    public ScaleDocument? Scale { get; init; }
    /// <summary>The basis period the rule's amounts are stated per (incomeCap: month or year).</summary>
    public string? Basis { get; init; }
    /// <summary>incomeScalePayment: bill, variable or fixed — the payment is capped at it (default: not capped).</summary>
    public string? CapAt { get; init; }
}

/// <summary>An income tier: from a percentage of the poverty line (inclusive), the % of income the bill is capped at.</summary>
public sealed class TierDocument
{
    public decimal? From { get; init; }
    public decimal? Percent { get; init; }
}

/// <summary>A two-way scale: columns start at a number of consumption units, rows at an income per unit (both inclusive).</summary>
public sealed class ScaleDocument
{
    public List<decimal>? Columns { get; init; }
    public List<ScaleRowDocument>? Rows { get; init; }
    /// <summary>incomePerUnit (default) or income: what picks the row.</summary>
    public string? RowsBy { get; init; }
    /// <summary>consumptionUnits (default) or persons: what picks the column.</summary>
    public string? ColumnsBy { get; init; }
    /// <summary>true: a value on a row's lower bound belongs to the row below ("income ≤ limit").</summary>
    public bool? UpperBoundsInclusive { get; init; }
}

/// <summary>One row of a scale: from an income per consumption unit (inclusive), one amount per column.</summary>
public sealed class ScaleRowDocument
{
    public decimal? From { get; init; }
    public List<decimal>? Amounts { get; init; }
}
