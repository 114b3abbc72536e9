using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Social;

/// <summary>One version of an amount cap (WaterSure): the bill is capped at <paramref name="Cap"/> per basis period, prorated.</summary>
public sealed record AmountCap(decimal Cap, BasisPeriod Basis);
