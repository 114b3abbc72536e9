namespace Tariffs.Domain.Catalog;

/// <summary>The prices of one tariff version: standing charges and increasing blocks.</summary>
public sealed record PriceSchedule(IReadOnlyList<FixedCharge> FixedCharges, IReadOnlyList<PriceBlock> Blocks)
{
    /// <summary>Throws unless the blocks are non-empty and only the last one is unbounded.</summary>
    public PriceSchedule Validated()
    {
        if (Blocks.Count == 0)
            throw new ArgumentException("A price schedule needs at least one block.");
        for (var i = 0; i < Blocks.Count - 1; i++)
            if (Blocks[i].IsUnbounded)
                throw new ArgumentException($"Block {i + 1} has no width but is not the last block.");
        if (!Blocks[^1].IsUnbounded)
            throw new ArgumentException("The last block must have no width: it takes all remaining consumption.");
        return this;
    }
}
