namespace Tariffs.Domain.Social;

/// <summary>One version of a percentage discount: <paramref name="Percent"/> (0–100) of the chosen components.</summary>
public sealed record PercentageDiscount(decimal Percent, DiscountComponents Components);
