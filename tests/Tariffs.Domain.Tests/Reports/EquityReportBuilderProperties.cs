using FsCheck.Xunit;
using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// The builder keeps one entry per row and counts households only when the report is built (issue 16: a unit's memory
/// follows its rows, not its households × cells). Checked against a reference written the plain way — every cell's rows
/// grouped by household — over random lines and service events of two authorities, four areas (the total's reserved
/// code among them), households recurring across areas and months, amounts of either sign, incomes known or not,
/// eligibility by either way, and compensation of households billed in the cell or not, added in any order.
/// </summary>
public class EquityReportBuilderProperties
{
    private static readonly EquityReportRules Rules = new() { SuppressionThreshold = 3 };
    private static readonly string[] Areas = ["north", "south", "east", EquityCellKey.AllAreas];
    private static readonly ReportPeriodKind[] Kinds = [ReportPeriodKind.Month, ReportPeriodKind.Quarter, ReportPeriodKind.Year];

    [Property(MaxTest = 200)]
    public void The_cells_equal_those_counted_household_by_household_in_each_cell(int seed)
    {
        var rows = Rows(new Random(seed), everyLineIdentified: false);
        var builder = new EquityReportBuilder(Rules);
        foreach (var row in rows)
            Add(builder, row);
        AssertSameCells(Reference(rows), builder.BuildPrimary());
    }

    [Property(MaxTest = 200)]
    public void The_order_rows_are_added_in_changes_no_cell(int seed)
    {
        var random = new Random(seed);
        var rows = Rows(random, everyLineIdentified: true);
        var first = new EquityReportBuilder(Rules);
        var second = new EquityReportBuilder(Rules);
        foreach (var row in rows)
            Add(first, row);
        foreach (var row in rows.OrderBy(_ => random.Next()))
            Add(second, row);
        AssertSameCells(first.Build(), second.Build());
    }

    [Fact]
    public void A_compensation_added_before_the_households_line_is_part_of_its_share_for_the_dominance_rule()
    {
        var date = new LocalDate(2022, 3, 31);
        var builder = new EquityReportBuilder(new EquityReportRules { SuppressionThreshold = 1 });
        builder.Add(new ServiceEvent("a", "water", "north", "h1", date, "EUR", 900, false));
        builder.Add(new ServiceEvent("a", "water", "north", "h2", date, "EUR", 100, false));
        builder.Add(new ReportLine("a", "water", "north", "h1", date, "EUR", 1000, 1000, 0, 0, false));
        builder.Add(new ReportLine("a", "water", "north", "h2", date, "EUR", 1000, 1000, 0, 0, false));

        var month = builder.BuildPrimary().Single(c => c.Key is { Period: "2022-03", Area: "north" });

        Assert.Equal(2, month.HouseholdsBilled);
        Assert.Equal(1000, month.CompensationTotalMinor);
        Assert.Equal(SuppressionReason.Dominance, month.Suppression); // h1 holds 900 of 1000 > 85 %
    }

    /// <summary>Equal cells in the same order; else which cell and field differ first.</summary>
    private static void AssertSameCells(IReadOnlyList<EquityCell> expected, IReadOnlyList<EquityCell> actual)
    {
        Assert.Equal(expected.Select(c => c.Key), actual.Select(c => c.Key));
        foreach (var (e, a) in expected.Zip(actual))
        {
            var field = typeof(EquityCell).GetProperties().FirstOrDefault(p => !Equals(p.GetValue(e), p.GetValue(a)));
            Assert.True(field is null, $"{e.Key}: {field?.Name} {field?.GetValue(e)} expected, {field?.GetValue(a)} built");
        }
    }

    private static void Add(EquityReportBuilder builder, (ReportLine? Line, ServiceEvent? Event) row)
    {
        if (row.Line is { } line)
            builder.Add(line);
        else
            builder.Add(row.Event!.Value);
    }

    /// <summary>
    /// Up to 60 rows in random batches; with <paramref name="everyLineIdentified"/> every line has its ledger identity,
    /// otherwise about half (a household's income in a cell is that of its last line in ledger order that knows it; of
    /// lines without one, the last added).
    /// </summary>
    private static List<(ReportLine? Line, ServiceEvent? Event)> Rows(Random random, bool everyLineIdentified)
    {
        var rows = new List<(ReportLine?, ServiceEvent?)>();
        var count = random.Next(0, 60);
        for (var i = 0; i < count; i++)
        {
            var authority = random.Next(2) == 0 ? "a" : "b";
            var area = Areas[random.Next(Areas.Length)];
            var household = $"h{random.Next(12)}";
            var date = new LocalDate(2022, 1, 1).PlusDays(random.Next(400));
            if (random.Next(5) == 0)
            {
                rows.Add((null, new ServiceEvent(authority, "water", area, random.Next(4) == 0 ? null : household, date, "EUR",
                    random.Next(3) == 0 ? 0 : random.Next(-500, 5000), random.Next(3) == 0)));
                continue;
            }
            var billed = random.Next(-2000, 40000);
            long? income = random.Next(3) == 0 ? null : random.Next(0, 2_000_000);
            rows.Add((new ReportLine(authority, "water", area, household, date, "EUR", billed, billed + random.Next(-500, 500),
                random.Next(2) == 0 ? 0 : random.Next(-3000, 1000), random.Next(4) == 0 ? random.Next(0, 2000) : 0, random.Next(2) == 0,
                random.Next(0, 30000) / 100m, random.Next(6) == 0 ? "kWh" : "m3")
            {
                CompensationMinor = random.Next(8) == 0 ? random.Next(0, 900) : 0,
                OverchargeMinor = random.Next(5) == 0 ? random.Next(-100, 800) : 0,
                AnnualIncomeMinor = income,
                Ways = random.Next(4) == 0 ? null : (EligibilityWays)random.Next(4),
                Line = everyLineIdentified || random.Next(2) == 0 ? new LedgerLineId(household, $"batch-{random.Next(4)}", random.Next(1, 9) * 100 + i) : null,
            }, null));
        }
        return rows;
    }

    /// <summary>The primary cells computed the plain way: each cell's rows, its households' parts summed from them.</summary>
    private static List<EquityCell> Reference(List<(ReportLine? Line, ServiceEvent? Event)> rows)
    {
        var placed = rows.SelectMany((row, order) => Keys(row).Select(key => (Key: key.Key, key.Period, Row: row, Order: order)));
        return placed.GroupBy(p => p.Key)
            .OrderBy(c => c.Key.Service, StringComparer.Ordinal).ThenBy(c => c.Key.Authority, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Period, StringComparer.Ordinal).ThenBy(c => c.Key.Area, StringComparer.Ordinal)
            .Select(cell => ReferenceCell(cell.Key, cell.First().Period, [.. cell.Select(p => (p.Row, p.Order))]))
            .ToList();
    }

    private static EquityCell ReferenceCell(EquityCellKey key, ReportPeriod period, List<((ReportLine? Line, ServiceEvent? Event) Row, int Order)> rows)
    {
        var lines = rows.Where(r => r.Row.Line is not null).Select(r => (Line: r.Row.Line!.Value, r.Order)).ToList();
        var events = rows.Where(r => r.Row.Event is not null).Select(r => r.Row.Event!.Value).ToList();
        var compensationOf = events.Where(e => e.HouseholdId is not null && e.CompensationMinor != 0)
            .GroupBy(e => e.HouseholdId!).ToDictionary(g => g.Key, g => g.Sum(e => e.CompensationMinor));
        var households = lines.GroupBy(l => l.Line.HouseholdId).Select(h => new
        {
            Id = h.Key,
            Eligible = h.Any(l => l.Line.Eligible),
            Received = h.Any(l => l.Line.BillAdjustmentsMinor != 0 || l.Line.PaymentsMinor != 0),
            Determined = h.Any(l => l.Line.Ways is { } ways && (ways & EligibilityWays.Determined) != 0),
            Flagged = h.Any(l => l.Line.Ways is { } ways && (ways & EligibilityWays.Flagged) != 0),
            Billed = h.Sum(l => l.Line.BilledMinor),
            Standard = h.Sum(l => l.Line.StandardBillMinor),
            Adjustments = h.Sum(l => l.Line.BillAdjustmentsMinor),
            Payments = h.Sum(l => l.Line.PaymentsMinor),
            Compensation = h.Sum(l => l.Line.CompensationMinor) + compensationOf.GetValueOrDefault(h.Key),
            Income = h.OrderBy(l => l.Line.Line?.BatchId, StringComparer.Ordinal).ThenBy(l => l.Line.Line?.LineNumber ?? 0).ThenBy(l => l.Order)
                .Select(l => l.Line.AnnualIncomeMinor).LastOrDefault(i => i is not null),
        }).ToList();
        var unbilled = compensationOf.Where(c => households.All(h => h.Id != c.Key)).Select(c => c.Value);
        var threshold = Rules.AffordabilityThresholds[key.Service];
        var known = households.Where(h => h.Income is not null).ToList();
        var dominated = Dominated(households.Select(h => h.Billed)) || Dominated(households.Select(h => h.Standard))
            || Dominated(households.Select(h => h.Adjustments)) || Dominated(households.Select(h => h.Payments))
            || Dominated(households.Select(h => h.Compensation).Concat(unbilled));
        var units = lines.Select(l => l.Line.Unit).Distinct().ToList();
        return new EquityCell
        {
            Key = key,
            Currency = "EUR",
            Unit = units.Count == 1 ? units[0] : "",
            HouseholdsBilled = households.Count,
            HouseholdsEligible = households.Count(h => h.Eligible),
            HouseholdsReceived = households.Count(h => h.Received),
            HouseholdsDetermined = households.Count(h => h.Determined),
            HouseholdsFlagged = households.Count(h => h.Flagged),
            HouseholdsDeterminedNotReceived = households.Count(h => h.Determined && !h.Received),
            BilledTotalMinor = lines.Sum(l => l.Line.BilledMinor),
            StandardTotalMinor = lines.Sum(l => l.Line.StandardBillMinor),
            AdjustmentsTotalMinor = lines.Sum(l => l.Line.BillAdjustmentsMinor),
            PaymentsTotalMinor = lines.Sum(l => l.Line.PaymentsMinor),
            CompensationTotalMinor = lines.Sum(l => l.Line.CompensationMinor) + events.Sum(e => e.CompensationMinor),
            QuantityBilled = lines.Sum(l => l.Line.Quantity),
            HouseholdsWithKnownIncome = known.Count,
            HouseholdsAboveThresholdBefore = known.Count(h => h.Standard > h.Income!.Value * threshold * period.ShareOfYear),
            HouseholdsAboveThresholdAfter = known.Count(h => h.Standard + h.Adjustments > h.Income!.Value * threshold * period.ShareOfYear),
            OverchargeFindings = lines.Count(l => l.Line.OverchargeMinor > 0),
            OverchargeTotalMinor = lines.Where(l => l.Line.OverchargeMinor > 0).Sum(l => l.Line.OverchargeMinor),
            BlockedRestrictions = events.Count(e => e.BlockedRestriction),
            Suppression = households.Count < Rules.SuppressionThreshold ? SuppressionReason.TooFewHouseholds
                : dominated ? SuppressionReason.Dominance : SuppressionReason.None,
        };
    }

    private static bool Dominated(IEnumerable<long> parts)
    {
        var sizes = parts.Select(p => Math.Abs((decimal)p)).ToList();
        return sizes.Sum() > 0 && sizes.Max() > Rules.DominanceShare * sizes.Sum();
    }

    /// <summary>The six cells a row counts in: its month, quarter and year, in its area (the reserved code for the total's) and in the total.</summary>
    private static IEnumerable<(EquityCellKey Key, ReportPeriod Period)> Keys((ReportLine? Line, ServiceEvent? Event) row)
    {
        var (authority, area, date) = row.Line is { } l ? (l.Authority, l.Area, l.PeriodEnd) : (row.Event!.Value.Authority, row.Event.Value.Area, row.Event.Value.Date);
        foreach (var kind in Kinds)
        {
            var period = ReportPeriod.Containing(date, kind);
            yield return (new EquityCellKey(period.ToString(), "water", authority, area == EquityCellKey.AllAreas ? EquityCellKey.ReservedArea : area), period);
            yield return (new EquityCellKey(period.ToString(), "water", authority, EquityCellKey.AllAreas), period);
        }
    }
}
