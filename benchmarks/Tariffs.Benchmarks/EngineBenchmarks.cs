using BenchmarkDotNet.Attributes;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;

namespace Tariffs.Benchmarks;

/// <summary>
/// Prices the synthetic population line by line (pricing plus social rules). One operation is one line, so
/// the Mean column is the time per line, Allocated the bytes per line, and Lines/s the throughput. BareKernel prices
/// MixedPopulation's lines to the same social bills with the arithmetic alone: the engine's floor in the same run.
/// </summary>
public class EngineBenchmarks
{
    private const int Count = 10_000;
    private ServiceCatalog catalog = null!;
    private (BillingLine Line, IReadOnlyList<EligibilityWindow> Windows)[] lines = null!;
    private (BillingLine Line, IReadOnlyList<EligibilityWindow> Windows)[] ineligible = null!;
    private BareLine[] bare = null!;
    private BareParameters parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        catalog = SyntheticPopulation.Catalog();
        lines = SyntheticPopulation.Lines(Count);
        ineligible = lines.Where(l => l.Windows.Count == 0).Take(Count / 2).ToArray();
        bare = lines.Select(l => BareLine.From(l.Line, l.Windows)).ToArray();
        parameters = BareParameters.From(catalog);
        CheckBareKernel();
    }

    /// <summary>
    /// Throws unless the bare kernel gives every line the engine's social bill and payments, so that both benchmarks
    /// price the same lines to the same sums; writes the sums to the log.
    /// </summary>
    private void CheckBareKernel()
    {
        var differing = new List<string>();
        decimal engineSum = 0m, kernelSum = 0m, payments = 0m;
        for (var i = 0; i < lines.Length; i++)
        {
            var outcome = TariffEngine.Price(lines[i].Line, catalog, lines[i].Windows);
            var social = Benchmarks.BareKernel.Price(bare[i], parameters, out var payment);
            engineSum += outcome.SocialBill;
            kernelSum += social;
            payments += payment;
            if (social != outcome.SocialBill || payment != outcome.Payments)
                differing.Add($"line {lines[i].Line.LineNumber}: engine {outcome.SocialBill} (payments {outcome.Payments}), kernel {social} (payment {payment})");
        }
        if (engineSum != MixedPopulation() || kernelSum != BareKernel())
            throw new InvalidOperationException("The benchmarks do not return the sums the check computed.");
        if (differing.Count > 0 || engineSum != kernelSum)
            throw new InvalidOperationException($"The bare kernel differs from the engine on {differing.Count} of {lines.Length} lines "
                + $"(sums {kernelSum} and {engineSum}): {string.Join("; ", differing.Take(5))}");
        Console.WriteLine($"// BareKernel check: {lines.Length} lines, social bills {kernelSum} and payments {payments}, equal to the engine's line by line");
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

    /// <summary>
    /// The same lines as <see cref="MixedPopulation"/> priced by <see cref="Benchmarks.BareKernel"/> to the same
    /// social bills: the arithmetic alone, the floor the engine is compared with (issue 16 item 3).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public decimal BareKernel()
    {
        var sum = 0m;
        foreach (ref readonly var line in bare.AsSpan())
            sum += Benchmarks.BareKernel.Price(line, parameters, out _);
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
