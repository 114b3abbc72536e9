namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>One version of an income threshold (per consumption unit): the value compared (<paramref name="Comparison"/>) with <paramref name="Amount"/> (0 or more).</summary>
public sealed record IncomeThreshold(decimal Amount, Comparison Comparison)
{
    /// <summary>The threshold: 0 or more.</summary>
    public decimal Amount { get; } = Guard.NonNegative(Amount);
}
