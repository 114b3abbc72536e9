using System.Numerics;

namespace Tariffs.Domain.Reports;

/// <summary>
/// Decides exactly which hidden cells can be recovered from published ones through additive identities: a
/// hidden cell is recoverable when some linear combination of the identities leaves it alone among the hidden
/// cells (differencing a total and its published parts is the simplest such combination). Exact: the identities
/// are reduced with integer (fraction-free) Gaussian elimination, no floating point. It reasons about exact
/// values, not about bounds (an attacker knowing that counts are non-negative can still narrow a hidden value
/// to an interval).
/// </summary>
public static class DisclosureAudit
{
    /// <summary>The hidden cells whose exact value follows from the published cells and <paramref name="relations"/>.</summary>
    /// <param name="relations">Additive identities between cells, by index.</param>
    /// <param name="hidden">Indexes of the cells that are not published.</param>
    public static IReadOnlySet<int> Recoverable(IReadOnlyList<AdditiveRelation> relations, IReadOnlySet<int> hidden)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(hidden);
        var columns = hidden.Order().ToArray();
        var column = new Dictionary<int, int>();
        for (var c = 0; c < columns.Length; c++)
            column[columns[c]] = c;

        // One row per identity over the hidden cells only: parts +1, total −1; published cells are constants.
        var rows = new List<BigInteger[]>();
        foreach (var relation in relations)
        {
            var row = new BigInteger[columns.Length];
            var any = false;
            foreach (var part in relation.Parts)
                if (column.TryGetValue(part, out var c))
                {
                    row[c] += 1;
                    any = true;
                }
            if (column.TryGetValue(relation.Total, out var t))
            {
                row[t] -= 1;
                any = true;
            }
            if (any)
                rows.Add(row);
        }

        var pivots = Reduce(rows, columns.Length);
        var pivotColumns = pivots.Select(p => p.Column).ToHashSet();
        var recoverable = new HashSet<int>();
        // Reduced rows: a pivot cell is fixed when its row has no free (non-pivot) cell left in it.
        foreach (var (rowIndex, pivotColumn) in pivots)
        {
            var row = rows[rowIndex];
            var fixedValue = true;
            for (var c = 0; c < columns.Length && fixedValue; c++)
                fixedValue = c == pivotColumn || pivotColumns.Contains(c) || row[c].IsZero;
            if (fixedValue)
                recoverable.Add(columns[pivotColumn]);
        }
        return recoverable;
    }

    /// <summary>Reduced row echelon form up to a factor per row; returns (row, pivot column) pairs.</summary>
    private static List<(int Row, int Column)> Reduce(List<BigInteger[]> rows, int width)
    {
        var pivots = new List<(int Row, int Column)>();
        var next = 0;
        for (var c = 0; c < width && next < rows.Count; c++)
        {
            var found = -1;
            for (var r = next; r < rows.Count && found < 0; r++)
                if (!rows[r][c].IsZero)
                    found = r;
            if (found < 0)
                continue;
            (rows[next], rows[found]) = (rows[found], rows[next]);
            var pivot = rows[next];
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == next || rows[r][c].IsZero)
                    continue;
                var row = rows[r];
                var a = pivot[c];
                var b = row[c];
                for (var k = 0; k < width; k++)
                    row[k] = a * row[k] - b * pivot[k];
                Normalise(row);
            }
            pivots.Add((next, c));
            next++;
        }
        return pivots;
    }

    private static void Normalise(BigInteger[] row)
    {
        var gcd = BigInteger.Zero;
        foreach (var value in row)
            if (!value.IsZero)
                gcd = BigInteger.GreatestCommonDivisor(gcd, value);
        if (gcd > BigInteger.One)
            for (var k = 0; k < row.Length; k++)
                row[k] /= gcd;
    }
}
