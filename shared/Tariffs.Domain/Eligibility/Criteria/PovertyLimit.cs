namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// One version of an income limit as a percentage of a poverty guideline: income compared
/// (<paramref name="Comparison"/>) with <paramref name="Percent"/> % of the guideline for the household's size,
/// a household smaller than <paramref name="SizeAtLeast"/> counting as that size (CARE counts one person as two).
/// </summary>
public sealed record PovertyLimit(decimal Percent, Comparison Comparison, int SizeAtLeast = 1)
{
    /// <summary>The percentage of the guideline: 0 or more (CARE: 200).</summary>
    public decimal Percent { get; } = Guard.NonNegative(Percent);

    /// <summary>The smallest size counted: 1 or more.</summary>
    public int SizeAtLeast { get; } = Guard.AtLeast(SizeAtLeast, 1);
}
