using BenchmarkDotNet.Attributes;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;

namespace Tariffs.Benchmarks;

/// <summary>
/// Prices the synthetic population line by line (pricing plus social rules). One operation is one line, so
/// the Mean column is the time per line, Allocated the bytes per line, and Lines/s the throughput.
/// </summary>
public class EngineBenchmarks
{
    private const int Count = 10_000;
    private ServiceCatalog catalog = null!;
    private (BillingLine Line, IReadOnlyList<EligibilityWindow> Windows)[] lines = null!;
    private (BillingLine Line, IReadOnlyList<EligibilityWindow> Windows)[] ineligible = null!;

    [GlobalSetup]
    public void Setup()
    {
        catalog = SyntheticPopulation.Catalog();
        lines = SyntheticPopulation.Lines(Count);
        ineligible = lines.Where(l => l.Windows.Count == 0).Take(Count / 2).ToArray();
    }

    /// <summary>The realistic mix: 20% eligible households, a quarter of periods across a tariff change.</summary>
    [Benchmark(OperationsPerInvoke = Count, Baseline = true)]
    public decimal MixedPopulation()
    {
        var sum = 0m;
        foreach (var (line, windows) in lines)
            sum += TariffEngine.Price(line, catalog, windows).SocialBill;
        return sum;
    }

    /// <summary>Households without eligibility only: standard pricing.</summary>
    [Benchmark(OperationsPerInvoke = Count / 2)]
    public decimal StandardPricingOnly()
    {
        var sum = 0m;
        foreach (var (line, windows) in ineligible)
            sum += TariffEngine.Price(line, catalog, windows).StandardBill;
        return sum;
    }
}
