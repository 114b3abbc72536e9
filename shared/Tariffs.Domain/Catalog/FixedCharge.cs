using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Catalog;

/// <summary>A standing charge stated per basis period, prorated calendar-exactly to each segment.</summary>
public sealed record FixedCharge(string Name, decimal Amount, BasisPeriod Basis);
