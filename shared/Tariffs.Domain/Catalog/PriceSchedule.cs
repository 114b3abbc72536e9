namespace Tariffs.Domain.Catalog;

/// <summary>
/// The prices of one tariff version: standing charges and increasing blocks. The blocks ascend to an unbounded
/// last block: at least one block, every block but the last has a width, and the last has none (it takes all
/// remaining consumption).
/// </summary>
public sealed record PriceSchedule(IReadOnlyList<FixedCharge> FixedCharges, IReadOnlyList<PriceBlock> Blocks)
{
    /// <summary>The standing charges, in catalog order.</summary>
    public IReadOnlyList<FixedCharge> FixedCharges { get; } = FixedCharges ?? throw new ArgumentNullException(nameof(FixedCharges));

    /// <summary>The blocks in the order they fill; only the last is unbounded.</summary>
    public IReadOnlyList<PriceBlock> Blocks { get; } = Ascending(Blocks);

    private static IReadOnlyList<PriceBlock> Ascending(IReadOnlyList<PriceBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0)
            throw new ArgumentException("A price schedule needs at least one block.", nameof(Blocks));
        for (var i = 0; i < blocks.Count - 1; i++)
            if (blocks[i].IsUnbounded)
                throw new ArgumentException($"Block {i + 1} has no width but is not the last block.", nameof(Blocks));
        if (!blocks[^1].IsUnbounded)
            throw new ArgumentException("The last block must have no width: it takes all remaining consumption.", nameof(Blocks));
        return blocks;
    }
}
