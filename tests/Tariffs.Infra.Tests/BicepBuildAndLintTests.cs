namespace Tariffs.Infra.Tests;

/// <summary>The templates compile and pass the linter (infra/bicepconfig.json) with no warning.</summary>
public sealed class BicepBuildAndLintTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    /// <summary>Every .bicep file under infra/, relative to the repository root.</summary>
    public static TheoryData<string> BicepFiles() => new(InfraBicepFiles());

    private static IEnumerable<string> InfraBicepFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Main_template_builds_without_diagnostics()
    {
        Assert.True(template.Build.ExitCode == 0, template.Build.Transcript);
        Assert.True(template.Build.WarningsAndErrors.Count == 0, template.Build.Transcript);
        Assert.StartsWith("{", template.Build.StandardOutput.TrimStart());
    }

    // `bicep lint main.bicep` reports only main.bicep's own findings, so each module is linted too.
    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lint_reports_no_warning_or_error(string file)
    {
        var lint = BicepCli.Run("lint", file);

        Assert.True(lint.ExitCode == 0, lint.Transcript);
        Assert.True(lint.WarningsAndErrors.Count == 0, lint.Transcript);
    }

    [Fact]
    public void Infra_has_a_main_template_and_modules()
    {
        var files = InfraBicepFiles().ToList();

        Assert.Contains(CompiledTemplate.MainFile, files);
        Assert.Contains(files, f => f.StartsWith("infra/modules/", StringComparison.Ordinal));
    }

    // Registry (br:) and template-spec (ts:) modules would make build and lint reach the network.
    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Modules_are_local_files(string file)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine(file));

        Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
    }
}
