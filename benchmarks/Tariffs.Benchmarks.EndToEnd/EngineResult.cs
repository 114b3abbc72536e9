using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>One engine benchmark (BenchmarkDotNet, one core): mean time per line, lines per second, bytes allocated per line.</summary>
public sealed record EngineResult(
    [property: JsonPropertyName("benchmark")] string Benchmark,
    [property: JsonPropertyName("nanosecondsPerLine")] double NanosecondsPerLine,
    [property: JsonPropertyName("linesPerSecond")] double LinesPerSecond,
    [property: JsonPropertyName("bytesAllocatedPerLine")] long BytesAllocatedPerLine)
{
    /// <summary>Reads the benchmarks of every BenchmarkDotNet JSON report under <paramref name="artifacts"/>.</summary>
    public static IReadOnlyList<EngineResult> Read(string artifacts)
    {
        var results = new List<EngineResult>();
        if (!Directory.Exists(artifacts))
            return results;
        foreach (var file in Directory.EnumerateFiles(artifacts, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks))
                continue;
            foreach (var b in benchmarks.EnumerateArray())
            {
                if (!b.TryGetProperty("Statistics", out var stats) || stats.ValueKind != JsonValueKind.Object)
                    continue;
                var mean = stats.GetProperty("Mean").GetDouble();
                var allocated = b.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes) ? bytes.GetInt64() : 0;
                results.Add(new EngineResult(b.GetProperty("Method").GetString()!, mean, 1e9 / mean, allocated));
            }
        }
        return results;
    }
}
