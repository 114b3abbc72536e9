namespace Tariffs.Domain.Reports;

/// <summary>
/// Accumulates priced lines, one at a time, into report cells per period (the month, the quarter and the year
/// holding the last day of the line's billing period) × service × authority × area, plus the authority-wide
/// total of each (area <see cref="EquityCellKey.AllAreas"/>); then applies small-cell suppression: primary
/// (fewer than k households billed, or one household holding more than the dominance share of an amount) and
/// secondary (<see cref="SecondarySuppression"/>: enough other cells that no suppressed value can be recovered
/// from totals or other cells, across the area and period hierarchies). Memory grows with cells and the
/// distinct households of each cell, not with lines.
/// </summary>
public sealed class EquityReportBuilder
{
    /// <summary>INSEE practice: a cell of fewer than 11 households is not published.</summary>
    public const int DefaultSuppressionThreshold = EquityReportRules.DefaultSuppressionThreshold;

    private static readonly ReportPeriodKind[] Kinds = [ReportPeriodKind.Year, ReportPeriodKind.Quarter, ReportPeriodKind.Month];

    private readonly Dictionary<EquityCellKey, (ReportPeriod Period, CellAccumulator Cell)> cells = [];
    private readonly EquityReportRules rules;

    /// <summary>A builder with the default rules (k = 11, dominance 85%, default affordability thresholds).</summary>
    public EquityReportBuilder(EquityReportRules? rules = null)
    {
        this.rules = rules ?? new EquityReportRules();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.rules.SuppressionThreshold, 1, nameof(rules));
    }

    /// <summary>A builder with the default rules but the small-cell threshold <paramref name="suppressionThreshold"/>.</summary>
    public EquityReportBuilder(int suppressionThreshold)
        : this(new EquityReportRules { SuppressionThreshold = suppressionThreshold })
    {
    }

    /// <summary>Adds one line to its area's cells and to its authority's totals, for its month, quarter and year.</summary>
    public void Add(in ReportLine line)
    {
        foreach (var kind in Kinds)
        {
            var period = ReportPeriod.Containing(line.PeriodEnd, kind);
            var text = period.ToString();
            Cell(new EquityCellKey(text, line.Service, line.Authority, AreaOf(line.Area)), period, line.Currency).Add(line);
            Cell(new EquityCellKey(text, line.Service, line.Authority, EquityCellKey.AllAreas), period, line.Currency).Add(line);
        }
    }

    /// <summary>Adds a compensation or a blocked restriction to its area's cells and its authority's totals, for its month, quarter and year.</summary>
    public void Add(in ServiceEvent serviceEvent)
    {
        foreach (var kind in Kinds)
        {
            var period = ReportPeriod.Containing(serviceEvent.Date, kind);
            var text = period.ToString();
            Cell(new EquityCellKey(text, serviceEvent.Service, serviceEvent.Authority, AreaOf(serviceEvent.Area)), period, serviceEvent.Currency).Add(serviceEvent);
            Cell(new EquityCellKey(text, serviceEvent.Service, serviceEvent.Authority, EquityCellKey.AllAreas), period, serviceEvent.Currency).Add(serviceEvent);
        }
    }

    /// <summary>The cells, ordered by service, authority, period and area, with primary suppression only.</summary>
    public IReadOnlyList<EquityCell> BuildPrimary() => cells
        .OrderBy(c => c.Key.Service, StringComparer.Ordinal)
        .ThenBy(c => c.Key.Authority, StringComparer.Ordinal)
        .ThenBy(c => c.Key.Period, StringComparer.Ordinal)
        .ThenBy(c => c.Key.Area, StringComparer.Ordinal)
        .Select(c => c.Value.Cell.ToCell(c.Key, c.Value.Period, rules))
        .ToList();

    /// <summary>The cells, ordered by key, with primary and secondary suppression applied.</summary>
    public IReadOnlyList<EquityCell> Build()
    {
        var built = BuildPrimary();
        var result = new List<EquityCell>(built.Count);
        // Years are independent tables: no identity links two years.
        foreach (var table in built.GroupBy(c => (c.Key.Service, c.Key.Authority, Year: c.Key.Period[..4])))
        {
            var tableCells = table.ToList();
            var complementary = SecondarySuppression.Complementary(tableCells);
            result.AddRange(tableCells.Select((c, i) => complementary.Contains(i) ? c with { Suppression = SuppressionReason.Complementary } : c));
        }
        return result
            .OrderBy(c => c.Key.Period, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Service, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Authority, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Area, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The area cell of a row: its area, or <see cref="EquityCellKey.ReservedArea"/> for the total's code.</summary>
    private static string AreaOf(string area) => area == EquityCellKey.AllAreas ? EquityCellKey.ReservedArea : area;

    private CellAccumulator Cell(EquityCellKey key, ReportPeriod period, string currency)
    {
        if (!cells.TryGetValue(key, out var cell))
            cells[key] = cell = (period, new CellAccumulator(currency));
        return cell.Cell;
    }
}
