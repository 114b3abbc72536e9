using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Social.Parameters;

/// <summary>One version of an amount cap (WaterSure): the bill is capped at <paramref name="Cap"/> (0 or more) per basis period, prorated.</summary>
public sealed record AmountCap(decimal Cap, BasisPeriod Basis)
{
    /// <summary>The cap per basis period: 0 or more.</summary>
    public decimal Cap { get; } = Guard.NonNegative(Cap);
}
