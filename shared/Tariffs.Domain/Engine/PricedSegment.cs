using NodaTime;

namespace Tariffs.Domain.Engine;

/// <summary>
/// A piece of a billing period with one tariff version and one eligibility state, priced at the standard
/// tariff: its share of the consumption (quantity × days ÷ period days), the prorated standing charges and
/// the fill of each block (widths prorated calendar-exactly). Amounts are full precision.
/// </summary>
public sealed record PricedSegment(
    DateInterval Interval,
    string TariffVersion,
    decimal Quantity,
    decimal FixedAmount,
    IReadOnlyList<BlockFill> Blocks)
{
    /// <summary>The fill of each block, in block order.</summary>
    public IReadOnlyList<BlockFill> Blocks { get; } = Blocks;

    /// <summary>The variable part: Σ block quantity × unit price (summed once, when the segment is made).</summary>
    public decimal VariableAmount { get; } = Sum(Blocks);

    /// <summary>The standard amount of the segment: standing charges plus the variable part.</summary>
    public decimal Amount => FixedAmount + VariableAmount;

    private static decimal Sum(IReadOnlyList<BlockFill> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var sum = 0m;
        foreach (var block in blocks)
            sum += block.Amount;
        return sum;
    }
}
