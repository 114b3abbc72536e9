namespace Tariffs.Domain.Reports;

/// <summary>
/// The additive identities among the cells of one table (one service and authority): in every period, the
/// authority's total is the sum of its areas; in every area (and the total), a quarter is the sum of its months
/// and a year the sum of its quarters. These are the sums an attacker can difference.
/// </summary>
public static class ReportHierarchy
{
    /// <summary>Every identity among <paramref name="keys"/> (indexes into that list); periods must parse.</summary>
    public static IReadOnlyList<AdditiveRelation> Relations(IReadOnlyList<EquityCellKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var index = new Dictionary<(string Period, string Area), int>();
        var areasOfPeriod = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var childrenOf = new Dictionary<(string Period, string Area), List<int>>();
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            index.Add((key.Period, key.Area), i);
            if (!key.IsTotal)
                Add(areasOfPeriod, key.Period, i);
            if (!ReportPeriod.TryParse(key.Period, out var period))
                throw new ArgumentException($"'{key.Period}' is not a report period.", nameof(keys));
            if (period.Value.Parent is { } parent)
                Add(childrenOf, (parent.ToString(), key.Area), i);
        }

        var relations = new List<AdditiveRelation>();
        foreach (var ((period, area), total) in index)
        {
            if (area == EquityCellKey.AllAreas && areasOfPeriod.TryGetValue(period, out var areas))
                relations.Add(new AdditiveRelation(total, areas));
            if (childrenOf.TryGetValue((period, area), out var children))
                relations.Add(new AdditiveRelation(total, children));
        }
        return relations;
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> lists, TKey key, int value) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
            lists[key] = list = [];
        list.Add(value);
    }
}
