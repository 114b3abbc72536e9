namespace Tariffs.Domain.Engine;

/// <summary>The part of a segment's consumption that fell in one block, with the block's width in that segment.</summary>
public readonly record struct BlockFill(decimal Width, decimal Quantity, decimal UnitPrice)
{
    /// <summary>Quantity × unit price, full precision.</summary>
    public decimal Amount => Quantity * UnitPrice;
}
