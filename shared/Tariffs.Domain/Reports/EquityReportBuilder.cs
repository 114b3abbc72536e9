using System.Globalization;

namespace Tariffs.Domain.Reports;

/// <summary>
/// Accumulates priced lines, one at a time, into report cells per calendar year × service × authority ×
/// area, plus the authority-wide total of each (area <see cref="EquityCellKey.AllAreas"/>); then applies
/// small-cell suppression: primary (fewer than k households billed) and secondary (when exactly one area
/// of a total is suppressed, the smallest other area is suppressed too, so that total − published areas
/// does not give the hidden one away). Memory grows with cells and distinct households, not lines.
/// </summary>
public sealed class EquityReportBuilder(int suppressionThreshold = EquityReportBuilder.DefaultSuppressionThreshold)
{
    /// <summary>INSEE practice: a cell of fewer than 11 households is not published.</summary>
    public const int DefaultSuppressionThreshold = 11;

    private readonly Dictionary<EquityCellKey, Accumulator> cells = [];

    /// <summary>Adds one line to its area's cell and to its authority's total.</summary>
    public void Add(in ReportLine line)
    {
        var period = line.PeriodEnd.Year.ToString(CultureInfo.InvariantCulture);
        Cell(new EquityCellKey(period, line.Service, line.Authority, line.Area), line.Currency).Add(line);
        Cell(new EquityCellKey(period, line.Service, line.Authority, EquityCellKey.AllAreas), line.Currency).Add(line);
    }

    /// <summary>The cells, ordered by key, with primary and secondary suppression applied.</summary>
    public IReadOnlyList<EquityCell> Build()
    {
        var built = cells
            .OrderBy(c => c.Key.Period, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Service, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Authority, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Area, StringComparer.Ordinal)
            .Select(c => c.Value.ToCell(c.Key, suppressionThreshold))
            .ToList();
        var secondary = built
            .Where(c => c.Key.Area != EquityCellKey.AllAreas)
            .GroupBy(c => c.Key with { Area = EquityCellKey.AllAreas })
            .Where(g => g.Count(c => c.Suppressed) == 1)
            .Select(g => g.Where(c => !c.Suppressed).OrderBy(c => c.HouseholdsBilled).ThenBy(c => c.Key.Area, StringComparer.Ordinal).FirstOrDefault())
            .OfType<EquityCell>()
            .Select(c => c.Key)
            .ToHashSet();
        return built.Select(c => secondary.Contains(c.Key) ? c with { Suppressed = true } : c).ToList();
    }

    private Accumulator Cell(EquityCellKey key, string currency)
    {
        if (!cells.TryGetValue(key, out var cell))
            cells[key] = cell = new Accumulator(currency);
        return cell;
    }

    private sealed class Accumulator(string currency)
    {
        private readonly HashSet<string> billed = new(StringComparer.Ordinal);
        private readonly HashSet<string> eligible = new(StringComparer.Ordinal);
        private readonly HashSet<string> received = new(StringComparer.Ordinal);
        private long billedTotal, standardTotal, adjustmentsTotal, paymentsTotal;

        public void Add(in ReportLine line)
        {
            billed.Add(line.HouseholdId);
            if (line.Eligible)
                eligible.Add(line.HouseholdId);
            if (line.BillAdjustmentsMinor != 0 || line.PaymentsMinor != 0)
                received.Add(line.HouseholdId);
            billedTotal += line.BilledMinor;
            standardTotal += line.StandardBillMinor;
            adjustmentsTotal += line.BillAdjustmentsMinor;
            paymentsTotal += line.PaymentsMinor;
        }

        public EquityCell ToCell(EquityCellKey key, int threshold) => new(
            key, currency, billed.Count, eligible.Count, received.Count,
            billedTotal, standardTotal, adjustmentsTotal, paymentsTotal,
            Suppressed: billed.Count < threshold);
    }
}
