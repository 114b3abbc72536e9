using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Catalog;

/// <summary>A standing charge stated per basis period, prorated calendar-exactly to each segment; never negative.</summary>
public sealed record FixedCharge(string Name, decimal Amount, BasisPeriod Basis)
{
    /// <summary>The charge per basis period: 0 or more.</summary>
    public decimal Amount { get; } = Guard.NonNegative(Amount);
}
