using System.Text.Json;
using NodaTime;
using Xunit.Abstractions;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// What disclosure control across releases costs the published figures of the sample data (samples/: 30 Dunkerque
/// households in two areas, 6 of them CSS): cells hidden, and cells whose eligibility or income group is withheld,
/// before (one recompute, suppression afresh) and after (the public release). Counts are exact; each CSS household's
/// adjustment is taken as equal (the engine prices them between 30 and 45 €), which cannot make a cell dominated.
/// </summary>
public class SampleDisclosureCostTests(ITestOutputHelper output)
{
    [Fact]
    public void On_the_samples_no_cell_is_hidden_before_or_after_and_every_cell_withholds_its_eligibility_group()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Tariffs.sln")))
            root = root.Parent!;
        using var batch = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.FullName, "samples", "batch-dunkerque-2022.json")));
        using var flags = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.FullName, "samples", "eligibility-flags.json")));
        var css = flags.RootElement.EnumerateArray().Select(f => f.GetProperty("householdId").GetString()!).ToHashSet();
        var lines = batch.RootElement.GetProperty("lines").EnumerateArray().Select(l =>
        {
            var household = l.GetProperty("householdId").GetString()!;
            var billed = (long)(l.GetProperty("billedAmount").GetDecimal() * 100);
            return new ReportLine("dunkerque", "water", l.GetProperty("area").GetString()!, household,
                LocalDate.FromDateTime(DateTime.Parse(l.GetProperty("period").GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
                "EUR", billed, billed, css.Contains(household) ? -4_000 : 0, 0, css.Contains(household), l.GetProperty("consumption").GetProperty("quantity").GetDecimal(), "m3");
        }).ToList();

        var before = new EquityReportBuilder();
        var simulator = new ReleaseSimulator();
        foreach (var line in lines)
        {
            before.Add(line);
            simulator.Store(line, Instant.FromUtc(2023, 1, 5, 8, 0));
        }
        var old = before.Build();
        var released = simulator.Recompute(Instant.FromUtc(2023, 2, 1, 0, 0));

        output.WriteLine($"before: {old.Count} cells, {old.Count(c => c.Suppressed)} hidden; eligibility and income groups published in every published cell");
        output.WriteLine($"after: {released.Count} cells, {released.Count(p => p.Hidden)} hidden, {released.Count(p => !p.Hidden && p.EligibilityHidden)} with the eligibility group withheld, {released.Count(p => !p.Hidden && p.IncomeHidden)} with the income group withheld");
        Assert.Equal(9, old.Count); // 2022-12, 2022-Q4, 2022 × 59183-A, 59183-B, *
        Assert.Equal(0, old.Count(c => c.Suppressed));
        Assert.Equal(9, released.Count);
        Assert.Equal(0, released.Count(p => p.Hidden));
        Assert.Equal(9, released.Count(p => p.EligibilityHidden)); // 6 eligible of 30, split over both areas: groups under 11
        Assert.Equal(0, released.Count(p => p.IncomeHidden)); // no income known: 0 is no small group
    }
}
