using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// Releases new public cells next to the ones released before, keeping suppression monotone across releases: a
/// released cell keeps its figures and its statuses for ever; a new cell is hidden when it is primary (too few
/// households, dominance), and complementary cells are chosen among the new cells only, with the released
/// published cells as known constants and the released hidden cells as unknowns, so that
/// <see cref="DisclosureAudit"/> over the union of every release of a table recovers no primary cell (a
/// complementary cell may follow from published ones: it then says nothing they do not). The eligibility and income
/// groups (<see cref="SubPopulations"/>) get the same treatment, each over its own identities, a small group being
/// sensitive.
/// </summary>
public static class PublicRelease
{
    /// <summary>The public cells of <paramref name="candidates"/> not released before, released at <paramref name="at"/>.</summary>
    /// <param name="released">Every cell released before, of every table the candidates belong to.</param>
    /// <param name="candidates">Cells of closed periods computed from the released rows, with primary suppression.</param>
    /// <param name="threshold">k: the smallest group of households published.</param>
    /// <param name="at">The release instant.</param>
    public static IReadOnlyList<PublicCell> Release(IReadOnlyList<PublicCell> released, IReadOnlyList<EquityCell> candidates, int threshold, Instant at)
    {
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(candidates);
        var before = released.ToDictionary(p => p.Key);
        var fresh = candidates.Where(c => !before.ContainsKey(c.Key)).ToList();
        var freshTables = fresh.Select(Table).ToHashSet();
        var result = new List<PublicCell>();
        foreach (var table in released.Select(p => p.Cell).Concat(fresh).GroupBy(Table).Where(t => freshTables.Contains(t.Key)))
        {
            var cells = table.ToList();
            var old = Enumerable.Range(0, cells.Count).Where(i => before.ContainsKey(cells[i].Key)).ToList();
            var added = Enumerable.Range(0, cells.Count).Where(i => !before.ContainsKey(cells[i].Key)).ToList();

            var hidden = old.Where(i => before[cells[i].Key].Hidden).Concat(added.Where(i => cells[i].Suppressed)).ToHashSet();
            var primary = Enumerable.Range(0, cells.Count).Where(i => cells[i].Suppression is SuppressionReason.TooFewHouseholds or SuppressionReason.Dominance).ToHashSet();
            var complementary = SecondarySuppression.Complementary(cells, hidden, added.Where(i => !hidden.Contains(i)).ToHashSet(), primary);
            hidden.UnionWith(complementary);

            var eligibility = Group(cells, old, added, hidden, primary, p => p.EligibilityHidden, c => SubPopulations.HidesEligibility(c, threshold), before);
            var income = Group(cells, old, added, hidden, primary, p => p.IncomeHidden, c => SubPopulations.HidesIncome(c, threshold), before);
            foreach (var i in added)
            {
                var cell = complementary.Contains(i) ? cells[i] with { Suppression = SuppressionReason.Complementary } : cells[i];
                result.Add(new PublicCell(cell with { Provisional = false }, hidden.Contains(i), eligibility.Contains(i), income.Contains(i), at));
            }
        }
        return result;
    }

    /// <summary>
    /// The cells whose group is withheld: the hidden cells, the released ones withheld, the new small ones and their
    /// complements; the sensitive ones are the primary cells and the small groups (old or new, by their frozen figures).
    /// </summary>
    private static HashSet<int> Group(List<EquityCell> cells, List<int> old, List<int> added, HashSet<int> hidden, HashSet<int> primary,
        Func<PublicCell, bool> releasedHidden, Func<EquityCell, bool> small, Dictionary<EquityCellKey, PublicCell> before)
    {
        var withheld = hidden
            .Concat(old.Where(i => releasedHidden(before[cells[i].Key])))
            .Concat(added.Where(i => small(cells[i])))
            .ToHashSet();
        var sensitive = primary.Concat(Enumerable.Range(0, cells.Count).Where(i => small(cells[i]))).ToHashSet();
        withheld.UnionWith(SecondarySuppression.Complementary(cells, withheld, added.Where(i => !withheld.Contains(i)).ToHashSet(), sensitive));
        return withheld;
    }

    /// <summary>A table: one service and authority in one year (no identity links two years).</summary>
    private static (string Service, string Authority, string Year) Table(EquityCell cell) => (cell.Key.Service, cell.Key.Authority, cell.Key.Period[..4]);
}
