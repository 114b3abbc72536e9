using System.Runtime.InteropServices;
using NodaTime;
using Tariffs.Domain.Ledger;

namespace Tariffs.Domain.Reports;

/// <summary>
/// Accumulates priced lines, one at a time, into report cells per period (the month, the quarter and the year
/// holding the last day of the line's billing period) × service × authority × area, plus the authority-wide
/// total of each (area <see cref="EquityCellKey.AllAreas"/>); then applies small-cell suppression: primary
/// (fewer than k households billed, or one household holding more than the dominance share of an amount) and
/// secondary (<see cref="SecondarySuppression"/>: enough other cells that no suppressed value can be recovered
/// from totals or other cells, across the area and period hierarchies).
/// Memory: the cells, and one 80-byte entry per line (or service event naming a household) with its household,
/// nothing per household and cell. The sums of a cell are added as rows come; its distinct households, dominance and
/// affordability are computed when the report is built, by ordering the entries by household and folding each
/// household's part of each of its cells into that cell (a line counts in six: its month, quarter and year, in its area
/// and in the total) — exact, and independent of the order rows are added in: a household's income in a cell is that of
/// its last line in ledger order that knows it (<see cref="ReportLine.Line"/>).
/// </summary>
public sealed class EquityReportBuilder
{
    /// <summary>INSEE practice: a cell of fewer than 11 households is not published.</summary>
    public const int DefaultSuppressionThreshold = EquityReportRules.DefaultSuppressionThreshold;

    private readonly Dictionary<EquityCellKey, int> index = [];
    private readonly List<(EquityCellKey Key, CellAccumulator Cell)> cells = [];

    /// <summary>For each month and area cell (by index), the six cells its rows count in (itself first); null for other cells.</summary>
    private readonly List<int[]?> counted = [];

    private readonly Dictionary<ReportPeriod, string> periodTexts = [];

    /// <summary>One copy of each batch id the entries name (a unit has a few batches and up to millions of lines).</summary>
    private readonly Dictionary<string, string> batches = new(StringComparer.Ordinal);
    private readonly HouseholdEntries entries = new();
    private readonly EquityReportRules rules;

    /// <summary>The entries folded into the cells' households so far (they are folded again after more rows are added).</summary>
    private int folded = -1;

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
        var month = MonthCell(line.Authority, line.Service, line.Area, line.PeriodEnd, line.Currency);
        foreach (var cell in counted[month]!)
            cells[cell].Cell.Add(line);
        var flags = HouseholdEntryFlags.Billed
            | (line.Eligible ? HouseholdEntryFlags.Eligible : 0)
            | (line.BillAdjustmentsMinor != 0 || line.PaymentsMinor != 0 ? HouseholdEntryFlags.Received : 0)
            | (line.AnnualIncomeMinor is not null ? HouseholdEntryFlags.IncomeKnown : 0);
        if (line.Ways is { } ways) // unknown (stored before the basis was recorded): in neither count
            flags |= ((ways & EligibilityWays.Determined) != 0 ? HouseholdEntryFlags.Determined : 0)
                | ((ways & EligibilityWays.Flagged) != 0 ? HouseholdEntryFlags.Flagged : 0);
        entries.Add(new HouseholdEntry
        {
            HouseholdId = line.HouseholdId,
            BatchId = line.Line is { } id ? Batch(id.BatchId) : null,
            LineNumber = line.Line?.LineNumber ?? 0,
            Cell = month,
            Flags = flags,
            BilledMinor = line.BilledMinor,
            StandardMinor = line.StandardBillMinor,
            AdjustmentsMinor = line.BillAdjustmentsMinor,
            PaymentsMinor = line.PaymentsMinor,
            CompensationMinor = line.CompensationMinor,
            AnnualIncomeMinor = line.AnnualIncomeMinor ?? 0,
        });
    }

    /// <summary>
    /// Adds a compensation or a blocked restriction to its area's cells and its authority's totals, for its month, quarter
    /// and year; a household's compensation joins its part in each cell where it is billed, and counts as a part of its
    /// own (for the dominance rule) where it is not.
    /// </summary>
    public void Add(in ServiceEvent serviceEvent)
    {
        var month = MonthCell(serviceEvent.Authority, serviceEvent.Service, serviceEvent.Area, serviceEvent.Date, serviceEvent.Currency);
        foreach (var cell in counted[month]!)
            cells[cell].Cell.Add(serviceEvent);
        if (serviceEvent.CompensationMinor != 0 && serviceEvent.HouseholdId is { } id)
            entries.Add(new HouseholdEntry { HouseholdId = id, Cell = month, CompensationMinor = serviceEvent.CompensationMinor });
    }

    /// <summary>The cells, ordered by service, authority, period and area, with primary suppression only.</summary>
    public IReadOnlyList<EquityCell> BuildPrimary()
    {
        FoldHouseholds();
        return cells
            .OrderBy(c => c.Key.Service, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Authority, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Period, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Area, StringComparer.Ordinal)
            .Select(c => c.Cell.ToCell(c.Key, rules))
            .ToList();
    }

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

    /// <summary>
    /// Folds every household's part of each of its cells into the cells: the entries are ordered by household (its hash,
    /// then its text) and, within it, in ledger order (<see cref="ReportLine.Line"/>; then as added); each household's
    /// entries are summed into one <see cref="HouseholdTally"/> per cell.
    /// </summary>
    private void FoldHouseholds()
    {
        if (folded == entries.Count)
            return;
        foreach (var (_, cell) in cells)
            cell.ClearHouseholds();
        var hashes = new int[entries.Count];
        var order = new int[entries.Count];
        for (var i = 0; i < order.Length; i++)
        {
            hashes[i] = StringComparer.Ordinal.GetHashCode(entries[i].HouseholdId);
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var byHash = hashes[a].CompareTo(hashes[b]);
            if (byHash != 0)
                return byHash;
            ref var x = ref entries[a];
            ref var y = ref entries[b];
            var byHousehold = string.CompareOrdinal(x.HouseholdId, y.HouseholdId);
            if (byHousehold != 0)
                return byHousehold;
            var byBatch = string.CompareOrdinal(x.BatchId, y.BatchId); // null (no ledger identity) first
            if (byBatch != 0)
                return byBatch;
            return x.LineNumber != y.LineNumber ? x.LineNumber.CompareTo(y.LineNumber) : a.CompareTo(b);
        });
        var tallies = new List<HouseholdTally>();
        var start = 0;
        while (start < order.Length)
        {
            var household = entries[order[start]].HouseholdId;
            var end = start + 1;
            while (end < order.Length && string.Equals(entries[order[end]].HouseholdId, household, StringComparison.Ordinal))
                end++;
            FoldHousehold(order.AsSpan(start, end - start), tallies);
            start = end;
        }
        folded = entries.Count;
    }

    /// <summary>Sums one household's entries (in ledger order) per cell, then folds each sum into its cell.</summary>
    private void FoldHousehold(ReadOnlySpan<int> household, List<HouseholdTally> tallies)
    {
        tallies.Clear();
        foreach (var position in household)
        {
            ref var entry = ref entries[position];
            foreach (var cell in counted[entry.Cell]!)
                TallyOf(tallies, cell).Add(entry);
        }
        foreach (var tally in tallies)
            cells[tally.Cell].Cell.Fold(tally);
    }

    /// <summary>The household's tally of <paramref name="cell"/> in <paramref name="tallies"/> (a few dozen at most), added when missing.</summary>
    private static ref HouseholdTally TallyOf(List<HouseholdTally> tallies, int cell)
    {
        var span = CollectionsMarshal.AsSpan(tallies);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Cell == cell)
                return ref span[i];
        }
        tallies.Add(new HouseholdTally { Cell = cell });
        return ref CollectionsMarshal.AsSpan(tallies)[^1];
    }

    /// <summary>
    /// The index of the month and area cell of a row dated <paramref name="date"/>, created (with the five others its
    /// rows count in) on its first row, whose currency the cells take.
    /// </summary>
    private int MonthCell(string authority, string service, string area, LocalDate date, string currency)
    {
        var month = ReportPeriod.Containing(date, ReportPeriodKind.Month);
        var key = new EquityCellKey(Text(month), service, authority, AreaOf(area));
        if (index.TryGetValue(key, out var found))
            return found;
        var cell = Cell(key, month, currency);
        var quarter = ReportPeriod.Containing(date, ReportPeriodKind.Quarter);
        var year = ReportPeriod.Containing(date, ReportPeriodKind.Year);
        counted[cell] =
        [
            cell,
            Cell(key with { Area = EquityCellKey.AllAreas }, month, currency),
            Cell(key with { Period = Text(quarter) }, quarter, currency),
            Cell(new EquityCellKey(Text(quarter), service, authority, EquityCellKey.AllAreas), quarter, currency),
            Cell(key with { Period = Text(year) }, year, currency),
            Cell(new EquityCellKey(Text(year), service, authority, EquityCellKey.AllAreas), year, currency),
        ];
        return cell;
    }

    /// <summary>The index of the cell <paramref name="key"/>, created empty with <paramref name="currency"/> when new.</summary>
    private int Cell(EquityCellKey key, ReportPeriod period, string currency)
    {
        if (index.TryGetValue(key, out var found))
            return found;
        var threshold = rules.AffordabilityThresholds.TryGetValue(key.Service, out var t) ? t : (decimal?)null;
        cells.Add((key, new CellAccumulator(currency, threshold, period.ShareOfYear)));
        counted.Add(null);
        return index[key] = cells.Count - 1;
    }

    private string Batch(string id)
    {
        if (!batches.TryGetValue(id, out var kept))
            batches[id] = kept = id;
        return kept;
    }

    private string Text(ReportPeriod period)
    {
        if (!periodTexts.TryGetValue(period, out var text))
            periodTexts[period] = text = period.ToString();
        return text;
    }

    /// <summary>The area cell of a row: its area, or <see cref="EquityCellKey.ReservedArea"/> for the total's code.</summary>
    private static string AreaOf(string area) => area == EquityCellKey.AllAreas ? EquityCellKey.ReservedArea : area;
}
