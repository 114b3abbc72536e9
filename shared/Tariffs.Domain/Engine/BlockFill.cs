namespace Tariffs.Domain.Engine;

/// <summary>The part of a segment's consumption that fell in one block, and the block's unit price.</summary>
public readonly record struct BlockFill(decimal Quantity, decimal UnitPrice)
{
    /// <summary>Quantity × unit price, full precision.</summary>
    public decimal Amount => Quantity * UnitPrice;
}
