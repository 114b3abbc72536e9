using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Tariffs.Benchmarks;

/// <summary>One core (affinity to the first CPU), a short but stable run, allocations per operation (= per line) and lines per second.</summary>
public static class EngineBenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default.WithAffinity(1).WithWarmupCount(3).WithIterationCount(10).WithId("one-core"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new LinesPerSecondColumn())
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
