namespace Tariffs.Infra.Tests;

/// <summary>azure.yaml points azd at infra/ and at the Functions project the template tags.</summary>
public sealed class AzureYamlTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryRoot.Combine("azure.yaml"));

    [Fact]
    public void Names_the_project_and_the_bicep_entry_point()
    {
        Assert.Contains("name: tariffs", Lines);
        Assert.Contains("  provider: bicep", Lines);
        Assert.Contains("  path: infra", Lines);
        Assert.Contains("  module: main", Lines);
        Assert.True(File.Exists(RepositoryRoot.Combine("infra", "main.bicep")));
        Assert.True(File.Exists(RepositoryRoot.Combine("infra", "main.parameters.json")));
    }

    // The service name must equal the function app's azd-service-name tag ('functions').
    [Fact]
    public void Functions_service_is_the_dotnet_function_project()
    {
        var service = Array.IndexOf(Lines, "  functions:");
        Assert.True(service >= 0, "azure.yaml has no 'functions' service.");
        var body = Lines.Skip(service + 1).TakeWhile(line => line.StartsWith("    ", StringComparison.Ordinal)).ToList();

        Assert.Contains("    project: ./functions/Tariffs.Functions", body);
        Assert.Contains("    language: dotnet", body);
        Assert.Contains("    host: function", body);
        Assert.True(File.Exists(RepositoryRoot.Combine("functions", "Tariffs.Functions", "Tariffs.Functions.csproj")));
    }
}
