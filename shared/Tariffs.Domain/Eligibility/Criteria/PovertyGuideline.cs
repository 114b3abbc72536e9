namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// One version of a poverty guideline (US HHS federal poverty guidelines): an annual amount for each household size
/// from 1 (<paramref name="BySize"/>[0] is one person) and an amount per person beyond the table.
/// </summary>
public sealed record PovertyGuideline(IReadOnlyList<decimal> BySize, decimal PerExtraPerson)
{
    /// <summary>The amounts for households of 1, 2, … persons: at least one, none negative.</summary>
    public IReadOnlyList<decimal> BySize { get; } = BySize is { Count: > 0 } sizes && sizes.All(a => a >= 0m)
        ? [.. sizes]
        : throw new ArgumentException("A poverty guideline needs an amount for 1 person or more, none negative.", nameof(BySize));

    /// <summary>The amount added per person beyond the table: 0 or more.</summary>
    public decimal PerExtraPerson { get; } = Guard.NonNegative(PerExtraPerson);

    /// <summary>The guideline for a household of the given size (1 or more).</summary>
    public decimal For(int persons)
    {
        Guard.AtLeast(persons, 1);
        return persons <= BySize.Count ? BySize[persons - 1] : BySize[^1] + PerExtraPerson * (persons - BySize.Count);
    }
}
