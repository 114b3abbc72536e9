namespace Tariffs.Domain.Reports;

/// <summary>
/// Secondary (complementary) suppression over one table of cells linked by additive identities: while
/// <see cref="DisclosureAudit"/> finds a hidden cell that can be recovered, hide one more cell among the candidates:
/// among the identities holding a recoverable cell, take those with the fewest hidden cells (one = plain
/// differencing), and hide their candidate cell with the fewest billed households (areas before the authority's
/// total). Hiding a cell never makes another recoverable, so the loop ends, at worst with every candidate hidden.
/// </summary>
public static class SecondarySuppression
{
    /// <summary>The cells to hide in addition to the primary ones so that none of them can be recovered.</summary>
    /// <param name="cells">One table: the cells of one service and authority (periods of one or more years).</param>
    /// <returns>Indexes into <paramref name="cells"/> of the complementary cells.</returns>
    public static IReadOnlySet<int> Complementary(IReadOnlyList<EquityCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var all = Enumerable.Range(0, cells.Count).ToHashSet();
        return Complementary(cells, all.Where(i => cells[i].Suppressed).ToHashSet(), all, sensitive: null);
    }

    /// <summary>
    /// The candidate cells to hide so that no sensitive cell can be recovered, every other cell keeping its status:
    /// the cells outside <paramref name="candidates"/> are either published constants or hidden unknowns already. If
    /// the table without the candidates recovered no sensitive cell, hiding every candidate recovers none either, so
    /// the answer is always safe.
    /// </summary>
    /// <param name="cells">One table: the cells of one service and authority.</param>
    /// <param name="hidden">Indexes of the cells hidden already (whatever the reason).</param>
    /// <param name="candidates">Indexes of the published cells that may still be hidden.</param>
    /// <param name="sensitive">
    /// Indexes of the cells that must not be recovered (the primary ones); null for every hidden cell, complementary
    /// ones included. A complementary cell whose value follows from published ones discloses nothing by itself.
    /// </param>
    /// <returns>Indexes of the candidates to hide.</returns>
    public static IReadOnlySet<int> Complementary(IReadOnlyList<EquityCell> cells, IReadOnlySet<int> hidden, IReadOnlySet<int> candidates, IReadOnlySet<int>? sensitive)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(candidates);
        var identities = ReportHierarchy.Relations(cells.Select(c => c.Key).ToList());
        var relations = identities.Select(r => r.Parts.Append(r.Total).ToArray()).ToList();
        var hiding = hidden.ToHashSet();
        var added = new HashSet<int>();
        bool Open(int i) => !hiding.Contains(i) && candidates.Contains(i);

        while (hiding.Count > 0 && DisclosureAudit.Recoverable(identities, hiding).Where(i => sensitive?.Contains(i) ?? true).ToHashSet() is { Count: > 0 } recoverable)
        {
            var open = relations
                .Where(members => members.Any(recoverable.Contains) && members.Any(Open))
                .GroupBy(members => members.Count(hiding.Contains))
                .OrderBy(g => g.Key)
                .FirstOrDefault()?
                .SelectMany(members => members.Where(Open))
                .ToList();
            if (open is null or { Count: 0 })
                // Recovered through a chain of identities only: widen to any candidate next to a hidden cell, then to any.
                open = relations.Where(members => members.Any(hiding.Contains)).SelectMany(members => members.Where(Open)).ToList();
            if (open.Count == 0)
                open = candidates.Where(Open).ToList();
            if (open.Count == 0)
                break;
            var chosen = open
                .OrderBy(i => cells[i].HouseholdsBilled)
                .ThenBy(i => cells[i].Key.IsTotal)
                .ThenBy(i => i)
                .First();
            hiding.Add(chosen);
            added.Add(chosen);
        }
        return added;
    }
}
