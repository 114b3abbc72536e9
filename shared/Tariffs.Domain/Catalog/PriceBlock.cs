using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Catalog;

/// <summary>
/// One block of an increasing-block tariff: a width (an allowance per basis period; null for the last,
/// unbounded block) priced per unit of consumption, never negative. Blocks fill in order.
/// </summary>
public sealed record PriceBlock(Allowance? Width, BasisPeriod Basis, decimal UnitPrice)
{
    /// <summary>The price per unit of consumption: 0 or more.</summary>
    public decimal UnitPrice { get; } = Guard.NonNegative(UnitPrice);

    /// <summary>True for the last block, which takes all remaining consumption.</summary>
    public bool IsUnbounded => Width is null;
}
