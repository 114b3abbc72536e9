using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Functions.OpenApi;

namespace Tariffs.Functions.Tests.OpenApi;

/// <summary>
/// The document lists exactly the routes the function app exposes, read by reflection from its <c>[Function]</c>
/// methods' <c>[HttpTrigger]</c> parameters: each route with its methods, nothing else; a keyed route
/// (<see cref="AuthorizationLevel.Function"/>) asks for the key, an anonymous one asks for nothing.
/// </summary>
public class OpenApiRoutesTests
{
    private static readonly IReadOnlyList<(string Path, string Method, AuthorizationLevel Level)> Triggers =
        typeof(OpenApiFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>())
            .SelectMany(t => (t.Methods ?? []).Select(method => ("/" + t.Route, method.ToLowerInvariant(), t.AuthLevel)))
            .ToList();

    [Fact]
    public void Every_route_of_the_function_app_is_in_the_document_with_its_methods_and_nothing_else()
    {
        var paths = OpenApiFunctions.Build()["paths"]!.AsObject();
        var documented = paths.SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key))).Order().ToList();

        Assert.True(Triggers.Count >= 19, $"only {Triggers.Count} HTTP triggers found by reflection");
        Assert.Equal(Triggers.Select(t => (t.Path, t.Method)).Order(), documented);
    }

    [Fact]
    public void A_keyed_route_asks_for_the_key_and_an_anonymous_route_for_nothing()
    {
        var paths = OpenApiFunctions.Build()["paths"]!;

        Assert.All(Triggers, t =>
        {
            var security = paths[t.Path]![t.Method]!["security"]!.AsArray();
            var schemes = security.SelectMany(s => s!.AsObject().Select(r => r.Key)).Order();
            Assert.Equal(t.Level == AuthorizationLevel.Anonymous ? [] : ["functionKey", "functionKeyQuery"], schemes);
        });
    }
}
