using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Testing.OpenApi;

namespace Tariffs.Functions.Tests.OpenApi;

/// <summary>
/// The handler the end-to-end clients carry: a response the document describes passes (its body still readable), one
/// that departs throws naming the route, the status and the fault, and a request marked outside the contract passes
/// unchecked, that request only.
/// </summary>
public sealed class ContractCheckingHandlerTests
{
    private static readonly OpenApiContract Contract = new(JsonNode.Parse("""
        {
          "openapi": "3.1.1",
          "paths": {
            "/things/{id}": {
              "get": {
                "responses": {
                  "200": { "content": { "application/json": { "schema": {
                    "type": "object", "required": ["count"], "properties": { "count": { "type": "integer" } } } } } },
                  "304": { "description": "not modified" }
                }
              }
            }
          }
        }
        """)!);

    private static HttpClient Client(HttpStatusCode status, string? body) =>
        new(new ContractCheckingHandler(Contract, new CannedAnswerHandler(status, body))) { BaseAddress = new Uri("http://127.0.0.1/") };

    [Fact]
    public async Task A_described_response_passes_and_its_body_stays_readable()
    {
        using var client = Client(HttpStatusCode.OK, """{"count": 3}""");

        Assert.Equal("""{"count": 3}""", await client.GetStringAsync("api/things/t1"));
    }

    [Fact]
    public async Task A_304_without_body_passes()
    {
        using var client = Client(HttpStatusCode.NotModified, null);

        using var response = await client.GetAsync("api/things/t1");

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"count": "3"}""", "GET /api/things/t1 200: /count")]
    [InlineData(HttpStatusCode.OK, """{}""", "Required properties [\"count\"]")]
    [InlineData(HttpStatusCode.NotFound, """{"count": 3}""", "declares no 404")]
    [InlineData(HttpStatusCode.NotModified, "x", "a body where the document declares none")]
    public async Task A_departing_response_fails_the_call_naming_the_route_status_and_fault(HttpStatusCode status, string body, string fault)
    {
        using var client = Client(status, body);

        var thrown = await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync("api/things/t1"));

        Assert.Contains("GET /api/things/t1", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(fault, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_marked_outside_the_contract_passes_unchecked_and_the_next_one_is_checked()
    {
        using var client = Client(HttpStatusCode.NotFound, "not described");

        using var marked = await client.SendAsync(OutsideContract.Mark(new HttpRequestMessage(HttpMethod.Get, "api/no-such-route")));

        Assert.Equal(HttpStatusCode.NotFound, marked.StatusCode);
        await Assert.ThrowsAsync<OpenApiContractException>(() => client.GetAsync("api/no-such-route"));
    }
}
