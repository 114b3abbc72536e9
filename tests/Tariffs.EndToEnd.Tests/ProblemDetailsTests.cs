using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Every route answers a malformed or unknown request with RFC 9457 problem details (<c>application/problem+json</c>):
/// the status in the body equal to the response's, a stable <c>type</c> per kind of error, a title and a detail; a
/// document refused by its contract also lists each fault as <c>{path, problem}</c>.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ProblemDetailsTests(LocalHostFixture host)
{
    private const string Validation = "urn:tariffs:problem:validation";
    private const string InvalidQuery = "urn:tariffs:problem:invalid-query";
    private const string NotFound = "urn:tariffs:problem:not-found";

    public static TheoryData<string, string, string?, HttpStatusCode, string> Requests => new()
    {
        { "POST", "api/batches", "{", HttpStatusCode.BadRequest, Validation },
        { "POST", "api/batches", """{"batchId": 1}""", HttpStatusCode.BadRequest, Validation },
        { "GET", "api/batches/problem-details-no-such-batch", null, HttpStatusCode.NotFound, NotFound },
        { "POST", "api/eligibility", "[]", HttpStatusCode.BadRequest, Validation },
        { "POST", "api/eligibility", "{}", HttpStatusCode.BadRequest, Validation },
        { "PUT", "api/catalog", "{}", HttpStatusCode.BadRequest, Validation },
        { "PUT", "api/restrictions/rules", "{}", HttpStatusCode.BadRequest, Validation },
        { "PUT", "api/standards", "{}", HttpStatusCode.BadRequest, Validation },
        { "POST", "api/restrictions/check", "{}", HttpStatusCode.BadRequest, Validation },
        { "POST", "api/incidents/compensation", "{}", HttpStatusCode.BadRequest, Validation },
        { "GET", "api/households/problem-details-nobody/explanation", null, HttpStatusCode.NotFound, NotFound },
        { "GET", "api/reports/equity?period=2022-13", null, HttpStatusCode.BadRequest, InvalidQuery },
        { "GET", "api/reports/equity?format=xml", null, HttpStatusCode.BadRequest, InvalidQuery },
        { "GET", "api/reports/equity/unsuppressed?period=twenty", null, HttpStatusCode.BadRequest, InvalidQuery },
        { "GET", "api/reports/equity?limit=0", null, HttpStatusCode.BadRequest, InvalidQuery },
        { "GET", "api/reports/equity?format=csv&limit=10001", null, HttpStatusCode.BadRequest, InvalidQuery },
        { "GET", "api/reports/equity?continuation=not-a-token", null, HttpStatusCode.BadRequest, InvalidQuery },
        { "POST", "api/reports/equity/recompute?mode=bogus", null, HttpStatusCode.BadRequest, InvalidQuery },
        { "GET", "api/access-log?date=yesterday", null, HttpStatusCode.BadRequest, InvalidQuery },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_malformed_or_unknown_request_is_answered_with_problem_details(string method, string path, string? body, HttpStatusCode status, string type)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await host.Authorised.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(type, (string?)problem["type"]);
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        if (type == Validation)
            Assert.All(problem["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace((string?)e!["problem"])));
    }

    [Fact]
    public async Task A_wrong_type_is_reported_as_a_wrong_type_with_its_path_not_as_missing()
    {
        using var response = await host.Authorised.PostAsync("api/batches", new StringContent(
            """{"batchId": 1, "operator": "e2e", "authority": "e2e-problems", "service": "water", "currency": "EUR", "lines": []}""", Encoding.UTF8, "application/json"));

        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var fault = Assert.Single(problem["errors"]!.AsArray(), e => (string?)e!["path"] == "$.batchId");
        Assert.DoesNotContain("required", (string)fault!["problem"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_key_is_answered_401_with_problem_details()
    {
        using var response = await host.Anonymous.PostAsync("api/batches", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (int?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }
}
