using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Scales;

namespace Tariffs.Domain.Social.Parameters;

/// <summary>
/// One version of an income-scale payment (chèque énergie): the household's consumption units
/// (<paramref name="ConsumptionUnits"/>: 1, 0.5, 0.3 …) pick a column (columns start at a number of units,
/// inclusive); annual income ÷ units picks a row (rows start at an income per unit, inclusive unless the row
/// scale's upper bounds are); the cell is the amount per basis period, never negative. Below the first row or
/// column nothing is paid. A scale by two other keys reads its rows by income (<paramref name="RowsBy"/>) and its
/// columns by persons (<paramref name="ColumnsBy"/>); the payment may be capped at the eligible segments' bill or
/// one of its components (<paramref name="CapAt"/>).
/// </summary>
public sealed record IncomeScale(Allowance ConsumptionUnits, BracketScale<int> Columns, BracketScale<IReadOnlyList<decimal>> Rows, BasisPeriod Basis,
    ScaleRows RowsBy = ScaleRows.IncomePerUnit, ScaleColumns ColumnsBy = ScaleColumns.ConsumptionUnits, PaymentCap CapAt = PaymentCap.None)
{
    /// <summary>The rows by income per consumption unit; each holds one amount per column, every one 0 or more.</summary>
    public BracketScale<IReadOnlyList<decimal>> Rows { get; } = NonNegativeAmounts(Rows);

    private static BracketScale<IReadOnlyList<decimal>> NonNegativeAmounts(BracketScale<IReadOnlyList<decimal>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows.Brackets)
            foreach (var amount in row.Value)
                Guard.NonNegative(amount, nameof(Rows));
        return rows;
    }
}
