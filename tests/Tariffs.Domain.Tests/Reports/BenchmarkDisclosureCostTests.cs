using NodaTime;
using Xunit.Abstractions;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// What disclosure control across releases costs the published figures of the end-to-end benchmark's population
/// (benchmarks/Tariffs.Benchmarks.EndToEnd/SyntheticBatch.cs: 100,000 households, one yearly 2022 line each, area
/// <c>59183-{A + n % 20}</c>, CSS for every 20th household — so all 5,000 CSS households live in area A): cells hidden
/// and groups withheld, before (one recompute, suppression afresh) and after (the public release). Amounts are stand-ins
/// of the same shape (a bill per m³, a CSS adjustment of −0.55 €/m³ on the first 80 m³); counts are exact.
/// </summary>
public class BenchmarkDisclosureCostTests(ITestOutputHelper output)
{
    private const int Households = 100_000;

    [Fact]
    public void On_the_benchmark_population_no_cell_is_hidden_and_no_group_withheld()
    {
        var random = new Random(20220101);
        var before = new EquityReportBuilder();
        var simulator = new ReleaseSimulator();
        for (var n = 1; n <= Households; n++)
        {
            _ = random.Next(1, 7); // persons, drawn as the benchmark draws them
            var quantity = random.Next(20, 251);
            var standard = quantity * 120L;
            var css = n % 20 == 0;
            var line = new ReportLine("dunkerque", "water", $"59183-{(char)('A' + n % 20)}", $"hh-{n:D7}", new LocalDate(2022, 12, 31),
                "EUR", 0, standard, css ? -55L * Math.Min(quantity, 80) : 0, 0, css, quantity, "m3");
            before.Add(line);
            simulator.Store(line, Instant.FromUtc(2023, 1, 5, 8, 0));
        }

        var old = before.Build();
        var released = simulator.Recompute(Instant.FromUtc(2023, 2, 1, 0, 0));

        output.WriteLine($"before: {old.Count} cells, {old.Count(c => c.Suppressed)} hidden");
        output.WriteLine($"after: {released.Count} cells, {released.Count(p => p.Hidden)} hidden, {released.Count(p => !p.Hidden && p.EligibilityHidden)} with the eligibility group withheld, {released.Count(p => !p.Hidden && p.IncomeHidden)} with the income group withheld");
        Assert.Equal(63, old.Count); // 2022-12, 2022-Q4, 2022 × 20 areas and the total
        Assert.Equal(0, old.Count(c => c.Suppressed));
        Assert.Equal(63, released.Count);
        Assert.Equal(0, released.Count(p => p.Hidden));
        // Area A: 5,000 of 5,000 eligible (the complement, 0, is no small group); the other areas: none eligible.
        Assert.Equal(0, released.Count(p => p.EligibilityHidden));
        Assert.Equal(0, released.Count(p => p.IncomeHidden));
    }
}
