using System.Text.Json.Nodes;
using Json.Schema;

namespace Tariffs.Testing.OpenApi;

/// <summary>
/// Holds HTTP responses to an OpenAPI 3.1 document: the response's status must be declared for the operation its method
/// and path match (a path template such as <c>/batches/{batchId}</c>, under the document's server <c>/api</c>), its media
/// type declared for that status, and its JSON body valid (JsonSchema.Net, formats checked) against the declared schema,
/// every <c>$ref</c> resolved within the document.
/// </summary>
public sealed class OpenApiContract
{
    private const string ServerPrefix = "/api";
    private readonly JsonNode document;
    private readonly Uri documentUri = new($"https://tariffs.test/openapi/{Guid.NewGuid():N}.json");
    private readonly EvaluationOptions options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>A contract over <paramref name="document"/>, the OpenAPI document as served.</summary>
    public OpenApiContract(JsonNode document)
    {
        this.document = document ?? throw new ArgumentNullException(nameof(document));
        options.SchemaRegistry.Register(documentUri, new JsonNodeBaseDocument(document, documentUri));
    }

    /// <summary>The path template of the document that <paramref name="path"/> (e.g. <c>/api/batches/b1/rejections</c>) matches, or null.</summary>
    public string? Template(string path)
    {
        var relative = path.StartsWith(ServerPrefix + "/", StringComparison.Ordinal) ? path[ServerPrefix.Length..] : path;
        var segments = relative.Split('/');
        return document["paths"]!.AsObject().Select(p => p.Key)
            .Where(template => Matches(template.Split('/'), segments))
            .OrderBy(template => template.Count(c => c == '{'))   // a literal segment wins over a parameter
            .FirstOrDefault();
    }

    /// <summary>Every way <paramref name="response"/> (its request's method and path) departs from the document; empty when it conforms.</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var request = response.RequestMessage ?? throw new ArgumentException("The response has no request.", nameof(response));
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return Violations(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Every way a response departs from the document; empty when it conforms.</summary>
    public IReadOnlyList<string> Violations(string method, string path, int status, string? mediaType, string body)
    {
        var where = $"{method} {path} {status}";
        if (Template(path) is not { } template)
            return [$"{where}: no path of the document matches"];
        var operation = document["paths"]![template]![method.ToLowerInvariant()];
        if (operation is null)
            return [$"{where}: {template} declares no {method}"];
        var response = operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (response is null)
            return [$"{where}: {template} {method} declares no {status} (declared: {string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))})"];
        response = Resolve(response);
        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
            return body.Length == 0 ? [] : [$"{where}: a body where the document declares none"];
        if (mediaType is null || !content.ContainsKey(mediaType))
            return [$"{where}: media type '{mediaType}' is not one of {string.Join(", ", content.Select(c => c.Key))}"];
        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
            return [];
        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            return [$"{where}: the body is not JSON ({e.Message})"];
        }
        var results = Evaluate($"{Pointer(template, method, status)}/content/{Escape(mediaType)}/schema", instance);
        return results.IsValid
            ? []
            : results.Details.Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{where}: {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .ToList();
    }

    /// <summary>Evaluates <paramref name="instance"/> against the schema at <paramref name="pointer"/> in the document (e.g. a request body's).</summary>
    public EvaluationResults Evaluate(string pointer, JsonNode? instance) =>
        JsonSchema.FromText($$"""{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "{{documentUri}}#{{pointer}}"}""").Evaluate(instance, options);

    /// <summary>The JSON pointer of a response (a <c>$ref</c> to components/responses is followed by the schema's own <c>$ref</c> below it).</summary>
    private string Pointer(string template, string method, int status)
    {
        var response = document["paths"]![template]![method.ToLowerInvariant()]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!;
        return response["$ref"] is { } reference
            ? ((string)reference!)[1..]
            : $"/paths/{Escape(template)}/{method.ToLowerInvariant()}/responses/{status}";
    }

    /// <summary>A response object, its <c>$ref</c> (within the document) followed.</summary>
    private JsonNode Resolve(JsonNode response)
    {
        if (response["$ref"] is not { } reference)
            return response;
        var node = document;
        foreach (var part in ((string)reference!)[2..].Split('/'))
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!;
        return node;
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static bool Matches(string[] template, string[] segments) =>
        template.Length == segments.Length
        && template.Zip(segments).All(p => p.First.StartsWith('{') ? p.Second.Length > 0 : p.First == p.Second);
}
