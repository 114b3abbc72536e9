using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Scales;

namespace Tariffs.Domain.Social.Parameters;

/// <summary>
/// One version of an income cap (Philadelphia TAP): the household's income as a percentage of the annual
/// <paramref name="PovertyLine"/> for its size picks a tier (brackets include their lower bound); the tier's
/// value is the percentage of annual income the bill is capped at (null: no cap in that tier). The annual cap
/// is stated per <paramref name="Basis"/> (a month is one twelfth) and the bill is never capped below
/// <paramref name="MinimumBill"/> per basis period. Tier percentages are from 0 to 100; the basis is a month or a year.
/// </summary>
public sealed record IncomeCap(Allowance PovertyLine, BracketScale<decimal?> Tiers, BasisPeriod Basis, decimal MinimumBill)
{
    /// <summary>The tiers by income as a percentage of the poverty line; each holds a percentage of income from 0 to 100, or null.</summary>
    public BracketScale<decimal?> Tiers { get; } = Percentages(Tiers);

    /// <summary>The basis period the cap is stated per: a month or a year (never a day).</summary>
    public BasisPeriod Basis { get; } = Basis is { Unit: not BasisUnit.Day }
        ? Basis
        : throw new ArgumentException("An income cap is stated per month or per year.", nameof(Basis));

    /// <summary>The smallest bill per basis period: 0 or more.</summary>
    public decimal MinimumBill { get; } = Guard.NonNegative(MinimumBill);

    private static BracketScale<decimal?> Percentages(BracketScale<decimal?> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        foreach (var tier in tiers.Brackets)
            if (tier.Value is { } percent)
                Guard.Percentage(percent, nameof(Tiers));
        return tiers;
    }
}
