namespace Tariffs.Domain.Reports;

/// <summary>
/// Secondary (complementary) suppression over one table of cells linked by additive identities: while
/// <see cref="DisclosureAudit"/> finds a hidden cell that can be recovered, hide one more published cell: among the
/// identities holding a recoverable cell, take those with the fewest hidden cells (one = plain differencing), and
/// hide their published cell with the fewest billed households (areas before the authority's total). Hiding a cell
/// never makes another recoverable, so the loop ends, at worst with the whole table hidden.
/// </summary>
public static class SecondarySuppression
{
    /// <summary>The cells to hide in addition to the primary ones so that none of them can be recovered.</summary>
    /// <param name="cells">One table: the cells of one service and authority (periods of one or more years).</param>
    /// <returns>Indexes into <paramref name="cells"/> of the complementary cells.</returns>
    public static IReadOnlySet<int> Complementary(IReadOnlyList<EquityCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var identities = ReportHierarchy.Relations(cells.Select(c => c.Key).ToList());
        var relations = identities.Select(r => r.Parts.Append(r.Total).ToArray()).ToList();
        var hidden = Enumerable.Range(0, cells.Count).Where(i => cells[i].Suppressed).ToHashSet();
        var added = new HashSet<int>();

        while (hidden.Count > 0 && DisclosureAudit.Recoverable(identities, hidden) is { Count: > 0 } recoverable)
        {
            var candidates = relations
                .Where(members => members.Any(recoverable.Contains) && members.Any(i => !hidden.Contains(i)))
                .GroupBy(members => members.Count(hidden.Contains))
                .OrderBy(g => g.Key)
                .FirstOrDefault()?
                .SelectMany(members => members.Where(i => !hidden.Contains(i)))
                .ToList();
            if (candidates is null or { Count: 0 })
                // Recovered through a chain of identities only: widen to any published cell next to a hidden one.
                candidates = relations.Where(members => members.Any(hidden.Contains))
                    .SelectMany(members => members.Where(i => !hidden.Contains(i))).ToList();
            if (candidates.Count == 0)
                break;
            var chosen = candidates
                .OrderBy(i => cells[i].HouseholdsBilled)
                .ThenBy(i => cells[i].Key.IsTotal)
                .ThenBy(i => i)
                .First();
            hidden.Add(chosen);
            added.Add(chosen);
        }
        return added;
    }
}
