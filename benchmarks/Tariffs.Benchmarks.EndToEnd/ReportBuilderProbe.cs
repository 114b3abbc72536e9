using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// The equity report builder alone, in this process (<c>--mode builder</c>): <c>--households N</c> (1,000,000) households
/// of 40 areas, each with one yearly 2022 line, or twelve monthly ones with <c>--billed monthly</c>, added then built; prints the
/// seconds of each, the process's peak working set and the bytes allocated. What a report refresh needs of memory
/// beyond reading its unit (issue 16); run it in a fresh process, since the peak is the process's.
/// </summary>
public static class ReportBuilderProbe
{
    public static void Run(Options options)
    {
        var households = options.Int("households", 1_000_000);
        var monthly = options.Get("billed", "yearly") switch
        {
            "yearly" => false,
            "monthly" => true,
            var other => throw new ArgumentException($"--billed: yearly or monthly, not '{other}'"),
        };
        var watch = Stopwatch.StartNew();
        var builder = new EquityReportBuilder();
        for (var i = 0; i < households; i++)
        {
            var area = $"area-{i % 40:D2}";
            long billed = 12_000 + i % 700;
            for (var month = monthly ? 1 : 12; month <= 12; month++)
            {
                var end = new LocalDate(2022, month, 1).PlusMonths(1).PlusDays(-1);
                var household = $"household-{i:D7}"; // a string per line, as a unit's lines are read
                builder.Add(new ReportLine("dunkerque", "water", area, household, end, "EUR", billed, billed, i % 20 == 0 ? -3_000 : 0, 0, i % 20 == 0, 95.5m, "m3")
                {
                    AnnualIncomeMinor = i % 3 == 0 ? null : 1_500_000 + i,
                    Line = new LedgerLineId(household, "batch-2022", i * 12 + month),
                });
            }
        }
        var added = watch.Elapsed;
        var cells = builder.Build();
        var built = watch.Elapsed - added;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var total = cells.Single(c => c.Key is { Period: "2022", IsTotal: true });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{households:N0} households, {(monthly ? "12 monthly lines" : "one yearly line")} each: add {added.TotalSeconds:N1} s, build {built.TotalSeconds:N1} s, {cells.Count:N0} cells ({total.HouseholdsBilled:N0} households billed in the year's total); peak working set {process.PeakWorkingSet64 / 1e6:N0} MB, allocated {GC.GetTotalAllocatedBytes() / 1e6:N0} MB"));
    }
}
