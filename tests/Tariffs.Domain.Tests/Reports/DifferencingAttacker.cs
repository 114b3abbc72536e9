using System.Globalization;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// An attacker who reads every published cell and tries to recover suppressed ones, written apart from the
/// production code: it knows that, in each period, the areas add up to the authority's total ("*"), that months
/// add up to their quarter and quarters to their year, and that a cell absent from the report is zero. It
/// differences those sums (any identity left with one unknown gives it away, repeatedly), then combines them by
/// Gaussian elimination (any combination left with one unknown gives it away).
/// </summary>
public static class DifferencingAttacker
{
    /// <summary>The suppressed cells whose <paramref name="amount"/> the attacker recovers, with the recovered value.</summary>
    public static Dictionary<EquityCellKey, decimal> Recover(IReadOnlyList<EquityCell> cells, Func<EquityCell, decimal> amount)
    {
        var known = cells.Where(c => !c.Suppressed).ToDictionary(c => c.Key, amount);
        var unknown = cells.Where(c => c.Suppressed).Select(c => c.Key).ToHashSet();
        var all = cells.Select(c => c.Key).ToHashSet();
        var identities = Identities(all).ToList();
        var recovered = new Dictionary<EquityCellKey, decimal>();

        // 1. Plain differencing until nothing moves.
        bool progress;
        do
        {
            progress = false;
            foreach (var identity in identities)
            {
                var open = identity.Where(t => unknown.Contains(t.Key) && !recovered.ContainsKey(t.Key)).ToList();
                if (open.Count != 1)
                    continue;
                var rest = identity.Where(t => t.Key != open[0].Key).Sum(t => t.Coefficient * Value(t.Key));
                recovered[open[0].Key] = -rest / open[0].Coefficient;
                progress = true;
            }
        }
        while (progress);

        // 2. Elimination over every identity: a reduced row with a single unknown gives that unknown away.
        var columns = unknown.Where(k => !recovered.ContainsKey(k)).ToList();
        var column = columns.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var rows = new List<double[]>();
        foreach (var identity in identities)
        {
            var row = new double[columns.Count + 1];
            foreach (var (key, coefficient) in identity)
                if (column.TryGetValue(key, out var c))
                    row[c] += (double)coefficient;
                else
                    row[^1] -= (double)(coefficient * Value(key));
            if (row.Take(columns.Count).Any(v => v != 0))
                rows.Add(row);
        }
        var next = 0;
        for (var c = 0; c < columns.Count && next < rows.Count; c++)
        {
            var pivot = Enumerable.Range(next, rows.Count - next).Where(r => Math.Abs(rows[r][c]) > 1e-9).DefaultIfEmpty(-1).First();
            if (pivot < 0)
                continue;
            (rows[next], rows[pivot]) = (rows[pivot], rows[next]);
            var p = rows[next][c];
            for (var k = 0; k <= columns.Count; k++)
                rows[next][k] /= p;
            for (var r = 0; r < rows.Count; r++)
                if (r != next && Math.Abs(rows[r][c]) > 1e-9)
                {
                    var f = rows[r][c];
                    for (var k = 0; k <= columns.Count; k++)
                        rows[r][k] -= f * rows[next][k];
                }
            next++;
        }
        foreach (var row in rows)
        {
            var open = Enumerable.Range(0, columns.Count).Where(c => Math.Abs(row[c]) > 1e-9).ToList();
            if (open.Count == 1)
                recovered[columns[open[0]]] = (decimal)Math.Round(row[^1] / row[open[0]], 6);
        }
        return recovered;

        decimal Value(EquityCellKey key) => known.TryGetValue(key, out var v) ? v : recovered.TryGetValue(key, out var r) ? r : 0m;
    }

    /// <summary>Every "total − Σ parts = 0" identity among the cells that exist.</summary>
    private static IEnumerable<List<(EquityCellKey Key, decimal Coefficient)>> Identities(HashSet<EquityCellKey> all)
    {
        foreach (var total in all)
        {
            if (total.Area == "*")
            {
                var areas = all.Where(k => k.Area != "*" && k.Period == total.Period && k.Service == total.Service && k.Authority == total.Authority).ToList();
                if (areas.Count > 0)
                    yield return [(total, -1m), .. areas.Select(k => (k, 1m))];
            }
            var children = Children(total.Period).Select(p => total with { Period = p }).Where(all.Contains).ToList();
            if (children.Count > 0)
                yield return [(total, -1m), .. children.Select(k => (k, 1m))];
        }
    }

    private static IEnumerable<string> Children(string period) => period.Length switch
    {
        4 => Enumerable.Range(1, 4).Select(q => $"{period}-Q{q}"),
        7 when period[5] == 'Q' => Enumerable.Range(3 * (period[6] - '0') - 2, 3).Select(m => $"{period[..4]}-{m.ToString("D2", CultureInfo.InvariantCulture)}"),
        _ => [],
    };
}
