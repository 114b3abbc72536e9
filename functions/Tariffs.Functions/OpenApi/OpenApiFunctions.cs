using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Domain.Social;

namespace Tariffs.Functions.OpenApi;

/// <summary>
/// Serves the OpenAPI 3.1 document of every route: the hand-written embedded <c>openapi.json</c> (paths, responses and
/// response schemas), completed when served with what has one source elsewhere: the request bodies' JSON Schemas of
/// <c>shared/contracts</c> (<see cref="ContractSchemas"/>), the schema of a report row generated from the declared
/// cell fields (<see cref="EquityReportRowSchema"/>) and the steps of an adjustment (<see cref="RuleStep"/>). The
/// tests hold it to the functions' routes, lint it with @redocly/cli and validate real responses against it.
/// </summary>
public sealed class OpenApiFunctions
{
    private static readonly Lazy<string> Document = new(() => Text(Build()));

    /// <summary>The text served (indented JSON).</summary>
    public static string Served => Document.Value;

    /// <summary>The document as served.</summary>
    public static JsonNode Build()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tariffs.Functions.OpenApi.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded.");
        var document = JsonNode.Parse(stream) ?? throw new InvalidOperationException("The OpenAPI document is empty.");
        var schemas = document["components"]!["schemas"]!.AsObject();
        ContractSchemas.AddTo(schemas);
        schemas[EquityReportRowSchema.Name] = EquityReportRowSchema.Build();
        schemas["ExplainedAdjustment"]!["properties"]!["step"]!["enum"] = new JsonArray(Enum.GetNames<RuleStep>().Select(n => (JsonNode?)n).ToArray());
        return document;
    }

    [Function(nameof(OpenApiDocument))]
    public IActionResult OpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        new ContentResult { Content = Served, ContentType = "application/json; charset=utf-8", StatusCode = StatusCodes.Status200OK };

    private static string Text(JsonNode document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
