using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Scales;

namespace Tariffs.Domain.Social;

/// <summary>
/// One version of an income cap (Philadelphia TAP): the household's income as a percentage of the annual
/// <paramref name="PovertyLine"/> for its size picks a tier (brackets include their lower bound); the tier's
/// value is the percentage of annual income the bill is capped at (null: no cap in that tier). The annual cap
/// is stated per <paramref name="Basis"/> (a month is one twelfth) and the bill is never capped below
/// <paramref name="MinimumBill"/> per basis period.
/// </summary>
public sealed record IncomeCap(Allowance PovertyLine, BracketScale<decimal?> Tiers, BasisPeriod Basis, decimal MinimumBill);
