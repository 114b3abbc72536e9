using System.Diagnostics;
using Tariffs.Functions.OpenApi;
using Tariffs.Testing;

namespace Tariffs.Functions.Tests.OpenApi;

/// <summary>
/// The document as served passes both validators integrators use (scripts/lint-openapi.sh: @redocly/cli lint with
/// zero errors, @apidevtools/swagger-parser validate), pinned in package.json and run offline.
/// </summary>
public class OpenApiLintTests
{
    [Fact]
    public async Task The_served_document_passes_redocly_lint_and_swagger_parser()
    {
        var root = RepositoryRoot.Find();
        var file = Path.Combine(Path.GetTempPath(), $"tariffs-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, OpenApiFunctions.Build().ToJsonString());
        try
        {
            var (exit, output) = await RunAsync(root, "bash", Path.Combine(root, "scripts", "lint-openapi.sh"), file);

            Assert.True(exit == 0, $"lint-openapi.sh exited {exit}:\n{output}");
            Assert.Contains("Your API description is valid", output, StringComparison.Ordinal);
            Assert.Contains("is a valid OpenAPI 3.1", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string directory, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
