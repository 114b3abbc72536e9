using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Testing;
using Tariffs.Testing.OpenApi;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Real responses of the running host conform to the OpenAPI document it serves (<c>GET /api/openapi.json</c>): every
/// status is declared for its route, every media type declared for its status, every JSON body valid against the
/// declared schema (<see cref="OpenApiContract"/>) — a batch accepted, its status and rejections, an explanation with
/// its adjustments and payments, report rows, restriction and compensation answers, and problem details of each kind.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class OpenApiConformanceTests(LocalHostFixture host)
{
    private readonly List<string> checkedResponses = [];
    private readonly List<string> violations = [];
    private OpenApiContract contract = null!;

    [Fact]
    public async Task Every_response_of_a_working_session_conforms_to_the_served_document()
    {
        using (var served = await host.Anonymous.GetAsync("api/openapi.json"))
        {
            contract = new OpenApiContract(JsonNode.Parse(await served.Content.ReadAsStringAsync())!);
            await CheckAsync(served);
        }
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var authority = "openapi-" + suffix;
        var program = "openapi-program-" + suffix;
        var batchId = "openapi-" + suffix;
        var eligible = $"{batchId}-h1";

        await CheckAsync(await host.Anonymous.GetAsync("api/health"));
        await CheckAsync(await Send(HttpMethod.Put, "api/catalog", Samples.CatalogFor(authority, program)), HttpStatusCode.OK);
        await CheckAsync(await Send(HttpMethod.Post, "api/eligibility", Pipeline.Flag("openapi-flag-" + suffix, eligible, program, "2022-01-01").ToJsonString()), HttpStatusCode.Created);
        var lines = Enumerable.Range(1, 3).Select(n => Pipeline.Line(n, $"{batchId}-h{n}", 40m)).ToList();
        lines[2]["persons"] = 0;
        await CheckAsync(await Send(HttpMethod.Post, "api/batches", Pipeline.Batch(batchId, authority, lines).ToJsonString()), HttpStatusCode.Accepted);
        await Eventually.ValueAsync(async () => await host.Authorised.GetFromJsonAsync<JsonObject>($"api/batches/{batchId}"),
            s => (string?)s!["state"] != "processing", Pipeline.Patience, "the batch to end");
        await CheckAsync(await host.Authorised.GetAsync($"api/batches/{batchId}"), HttpStatusCode.OK);
        await CheckAsync(await host.Authorised.GetAsync($"api/batches/{batchId}/rejections?limit=1"), HttpStatusCode.OK);
        await host.WaitUntilIdleAsync();
        var explanation = await CheckAsync(await host.Authorised.GetAsync($"api/households/{eligible}/explanation"), HttpStatusCode.OK);
        Assert.NotEmpty(explanation!["lines"]![0]!["adjustments"]!.AsArray());

        await CheckAsync(await Send(HttpMethod.Post, "api/reports/equity/recompute"), HttpStatusCode.OK);
        var rows = await CheckAsync(await host.Authorised.GetAsync("api/reports/equity/unsuppressed?service=water"), HttpStatusCode.OK);
        Assert.Contains(rows!.AsArray(), r => (string?)r!["authority"] == authority);
        await CheckAsync(await host.Authorised.GetAsync("api/reports/equity/unsuppressed?service=water&format=csv"), HttpStatusCode.OK);
        await CheckAsync(await host.Anonymous.GetAsync("api/reports/equity"), HttpStatusCode.OK);
        await CheckAsync(await host.Anonymous.GetAsync("api/reports/equity/schema.json"), HttpStatusCode.OK);

        await CheckAsync(await Send(HttpMethod.Put, "api/restrictions/rules", Catalog("restrictions-france.json")), HttpStatusCode.OK);
        await CheckAsync(await Send(HttpMethod.Post, "api/restrictions/check", new JsonObject
        {
            ["jurisdiction"] = "FR", ["householdId"] = eligible, ["service"] = "water", ["action"] = "disconnection",
            ["date"] = "2022-07-14", ["mainResidence"] = true,
        }.ToJsonString()), HttpStatusCode.OK);
        await CheckAsync(await Send(HttpMethod.Put, "api/standards", Catalog("standards-england-water.json")), HttpStatusCode.OK);
        await CheckAsync(await Send(HttpMethod.Post, "api/incidents/compensation", new JsonObject
        {
            ["scheme"] = "england-water-gss", ["incidentId"] = "inc-" + suffix, ["authority"] = "uk-" + suffix, ["area"] = "E1",
            ["service"] = "water", ["kind"] = "supplyInterruption", ["deadline"] = "2025-09-01T12:00:00", ["restored"] = "2025-09-03T14:00:00",
        }.ToJsonString()), HttpStatusCode.OK);
        await CheckAsync(await host.Authorised.GetAsync($"api/access-log?date={DateTime.UtcNow:yyyy-MM-dd}"), HttpStatusCode.OK);

        // Problem details of each kind.
        await CheckAsync(await Send(HttpMethod.Post, "api/batches", """{"batchId": 1}"""), HttpStatusCode.BadRequest);
        await CheckAsync(await Send(HttpMethod.Put, "api/catalog", "{}"), HttpStatusCode.BadRequest);
        await CheckAsync(await host.Authorised.GetAsync("api/reports/equity?period=2022-13"), HttpStatusCode.BadRequest);
        await CheckAsync(await host.Authorised.GetAsync($"api/batches/{batchId}/rejections?limit=0"), HttpStatusCode.BadRequest);
        await CheckAsync(await host.Authorised.GetAsync("api/batches/openapi-no-such-batch"), HttpStatusCode.NotFound);
        await CheckAsync(await host.Authorised.GetAsync("api/households/openapi-nobody/explanation"), HttpStatusCode.NotFound);
        await CheckAsync(await host.Anonymous.PostAsync("api/batches", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.Unauthorized);
        using (var publicCaller = host.WithKey(LocalHostFixture.RoleKeys["public"]))
            await CheckAsync(await publicCaller.GetAsync("api/access-log?date=2022-01-01"), HttpStatusCode.Forbidden);

        Assert.True(violations.Count == 0, $"{violations.Count} violations in {checkedResponses.Count} responses:\n{string.Join("\n", violations)}");
        Assert.Equal(26, checkedResponses.Count);
    }

    /// <summary>Holds <paramref name="response"/> to the document (and to <paramref name="expected"/>); its JSON body, when it has one.</summary>
    private async Task<JsonNode?> CheckAsync(HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (expected is { } status)
                Assert.True(status == response.StatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode}, not {(int)status}: {body}");
            checkedResponses.Add($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath} {(int)response.StatusCode}");
            violations.AddRange(await contract.ViolationsAsync(response));
            return response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true ? JsonNode.Parse(body) : null;
        }
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string route, string? body = null) => host.SendAsync(method, route, body);

    private static string Catalog(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", name));
}
