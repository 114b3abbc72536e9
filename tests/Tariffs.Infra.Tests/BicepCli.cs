using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Tariffs.Infra.Tests;

/// <summary>Result of one Bicep CLI invocation.</summary>
/// <param name="ExitCode">Process exit code (0 unless Bicep reported an error).</param>
/// <param name="StandardOutput">What Bicep wrote to stdout (the ARM JSON with <c>--stdout</c>).</param>
/// <param name="StandardError">What Bicep wrote to stderr (its diagnostics).</param>
internal sealed partial record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Diagnostic lines of level Warning or Error, e.g. <c>file(1,7) : Warning rule: message</c>.</summary>
    public IReadOnlyList<string> WarningsAndErrors =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    /// <summary>Everything Bicep printed, for assertion messages.</summary>
    public string Transcript => $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";

    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Error|Warning)\s", RegexOptions.IgnoreCase)]
    private static partial Regex DiagnosticLine();
}

/// <summary>
/// Runs the Bicep CLI that restore downloaded through the <c>PackageDownload</c> of
/// Azure.Bicep.CommandLine.linux-x64 (see the project file). Works offline: the templates use no
/// registry modules, so Bicep never needs the network.
/// </summary>
internal static class BicepCli
{
    private const string PackageId = "Azure.Bicep.CommandLine.linux-x64";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>Absolute path of the <c>bicep</c> executable.</summary>
    public static string Path => Executable.Value;

    /// <summary>Runs <c>bicep</c> with the arguments, from the repository root.</summary>
    public static BicepResult Run(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Path)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["BICEP_TRACING_ENABLED"] = "false";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = new Process { StartInfo = startInfo };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { stderr.AppendLine(e.Data); } };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.\n{stderr}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        return new BicepResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static string Locate()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                $"{PackageId} ships a linux-x64 binary; this machine is {RuntimeInformation.RuntimeIdentifier}.");
        }

        var version = Metadata("BicepCliVersion")
            ?? throw new InvalidOperationException("The test assembly has no BicepCliVersion metadata.");

        var candidates = PackageRoots()
            .Select(root => System.IO.Path.Combine(root, PackageId.ToLowerInvariant(), version, "tools", "bicep"))
            .ToList();
        var executable = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"bicep {version} not found; run 'dotnet restore'. Looked in:\n{string.Join('\n', candidates)}");

        EnsureExecutable(executable);
        return executable;
    }

    /// <summary>NuGet global packages folders, most specific first.</summary>
    private static IEnumerable<string> PackageRoots()
    {
        // What restore used for this build (honours NUGET_PACKAGES, nuget.config, RestorePackagesPath).
        if (Metadata("NuGetPackageRoot") is { Length: > 0 } restoreRoot)
        {
            yield return restoreRoot;
        }

        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment)
        {
            yield return fromEnvironment;
        }

        yield return System.IO.Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>NuGet extraction may drop the execute bit; restore it for the owner.</summary>
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.UserRead);
        }
    }

    private static string? Metadata(string key) =>
        typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
