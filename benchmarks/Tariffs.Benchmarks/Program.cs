using BenchmarkDotNet.Running;
using Tariffs.Benchmarks;

// dotnet run -c Release --project benchmarks/Tariffs.Benchmarks  (extra arguments go to BenchmarkDotNet)
BenchmarkRunner.Run<EngineBenchmarks>(EngineBenchmarkConfig.Create(), args);
