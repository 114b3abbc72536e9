namespace Tariffs.Domain.Social.Parameters;

/// <summary>One version of a percentage discount: <paramref name="Percent"/> (0–100, both included) of the chosen components.</summary>
public sealed record PercentageDiscount(decimal Percent, DiscountComponents Components)
{
    /// <summary>The discount, from 0 to 100 % inclusive.</summary>
    public decimal Percent { get; } = Guard.Percentage(Percent);
}
