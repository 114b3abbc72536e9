using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Tests.Hosting;

/// <summary>
/// The deployable worker's dependency graph, built from the registrations Program.cs runs
/// (<see cref="TariffsWorker.ConfigureTariffs"/>) with scope and build validation on: a missing registration shows
/// here rather than first in Azure. Every class that declares a <c>[Function]</c> is created as the worker creates
/// it (constructor injection from the container).
/// </summary>
public class WorkerGraphTests
{
    /// <summary>The classes of the app that declare at least one function.</summary>
    private static List<Type> FunctionClasses() => typeof(TariffsWorker).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    [Theory]
    [InlineData("AzureWebJobsStorage", "UseDevelopmentStorage=true")]
    [InlineData("AzureWebJobsStorage:accountName", "tariffsstorage")]
    public void The_worker_graph_builds_with_validation_and_creates_every_function_class(string setting, string value)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration[setting] = value;
        builder.Configuration["AzureWebJobsStorage:clientId"] = setting.EndsWith("accountName", StringComparison.Ordinal) ? Guid.Empty.ToString() : null;
        builder.ConfigureTariffs();

        using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = services.CreateScope();
        var classes = FunctionClasses();
        Assert.True(classes.Count >= 10, $"only {classes.Count} function classes found");
        foreach (var type in classes)
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
    }
}
