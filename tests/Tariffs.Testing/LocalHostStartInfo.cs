using System.Diagnostics;

namespace Tariffs.Testing;

/// <summary>
/// How to start the built local host (functions/Tariffs.LocalHost) as a process on a storage account: its output
/// redirected, on <c>baseAddress</c>, with a function key, and with the timers effectively off (once a year), and with
/// the garbage collector's young generation as deployed (<see cref="Gen0Size"/>).
/// </summary>
public static class LocalHostStartInfo
{
    /// <summary>
    /// <c>DOTNET_GCgen0size</c>, as the deployment's app settings give it (infra/modules/function-app.bicep): a 16 MB
    /// young generation, where the runtime's own choice collected every ~2 MB of a batch's short-lived storage-client
    /// garbage. Measured: 12.7 instead of 15.3 host CPU-s for a 100,000-line batch, peak 282 instead of 270 MB for a
    /// 200,000-line one (benchmarks/results/2026-12-06-jit-profile.md). An environment variable only: the runtime reads
    /// no runtimeconfig setting for it.
    /// </summary>
    public const string Gen0Size = "0x1000000";

    /// <summary>The local host's dll in <paramref name="configuration"/> (Debug or Release); throws when it is not built.</summary>
    public static string AssemblyPath(string configuration)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "functions", "Tariffs.LocalHost", "bin", configuration, "net10.0", "Tariffs.LocalHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the local host ({configuration}) first.", path);
    }

    /// <summary>The start info; <paramref name="extraArguments"/> are configuration overrides such as <c>--Name=value</c>.</summary>
    public static ProcessStartInfo Create(string configuration, string connectionString, Uri baseAddress, string functionKey, IEnumerable<string>? extraArguments = null)
    {
        var dll = AssemblyPath(configuration);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["DOTNET_GCgen0size"] = Gen0Size },
        };
        foreach (var arg in new[]
        {
            dll,
            $"--AzureWebJobsStorage={connectionString}",
            $"--urls={baseAddress.ToString().TrimEnd('/')}",
            $"--LocalHost:FunctionKey={functionKey}",
            "--EquityReportSchedule=0 0 0 1 1 *",
            "--WebhookReplaySchedule=0 0 0 1 1 *",
        }.Concat(extraArguments ?? []))
            start.ArgumentList.Add(arg);
        return start;
    }
}
