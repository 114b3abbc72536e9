using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Social.Parameters;

/// <summary>
/// One version of a notional allocation (Grenoble): a notional bill of <paramref name="NotionalVolume"/> per
/// basis period for the household's size × <paramref name="NotionalPrice"/>; what exceeds
/// <paramref name="PercentOfIncome"/> % of annual income is paid to the household, unless the line's amount is
/// below <paramref name="Floor"/>.
/// </summary>
public sealed record NotionalAllocation(Allowance NotionalVolume, decimal NotionalPrice, decimal PercentOfIncome, decimal Floor, BasisPeriod Basis)
{
    /// <summary>The notional price per unit: 0 or more.</summary>
    public decimal NotionalPrice { get; } = Guard.NonNegative(NotionalPrice);

    /// <summary>The share of annual income the household pays itself, from 0 to 100 % inclusive.</summary>
    public decimal PercentOfIncome { get; } = Guard.Percentage(PercentOfIncome);

    /// <summary>The smallest amount paid (a smaller one is not paid): 0 or more.</summary>
    public decimal Floor { get; } = Guard.NonNegative(Floor);
}
