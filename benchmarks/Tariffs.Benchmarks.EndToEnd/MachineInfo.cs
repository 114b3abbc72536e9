using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>What a run ran on: cores, CPU model, OS, .NET, Node and Azurite versions.</summary>
public sealed record MachineInfo(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("cpu")] string Cpu,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("dotnet")] string DotNet,
    [property: JsonPropertyName("azurite")] string Azurite)
{
    /// <summary>Reads the machine this process runs on (Linux /proc and /etc/os-release where present).</summary>
    public static MachineInfo Current(string repositoryRoot) => new(
        Environment.ProcessorCount,
        FirstValue("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') is { } os && File.Exists("/proc/sys/kernel/osrelease")
            ? $"{os}, Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}"
            : RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        AzuriteVersion(repositoryRoot));

    private static string? FirstValue(string path, string key, char separator)
    {
        if (!File.Exists(path))
            return null;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(separator, 2);
            if (parts.Length == 2 && parts[0].Trim() == key)
                return parts[1].Trim();
        }
        return null;
    }

    private static string AzuriteVersion(string root)
    {
        var package = Path.Combine(root, "node_modules", "azurite", "package.json");
        if (!File.Exists(package))
            return "unknown";
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(package));
        return document.RootElement.GetProperty("version").GetString() ?? "unknown";
    }
}
