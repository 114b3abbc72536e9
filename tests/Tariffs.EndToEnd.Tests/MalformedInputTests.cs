using System.Net;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>Every HTTP entry point answers malformed input with 400 and the field at fault, and the host keeps running.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class MalformedInputTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("POST", "api/batches", "{\"batchId\": \"b\", \"lines\": [", "not a readable billing batch")]
    [InlineData("POST", "api/batches", "{\"authority\": \"dunkerque\", \"service\": \"water\", \"currency\": \"EUR\", \"lines\": []}", "$.batchId: required")]
    [InlineData("POST", "api/batches", "{\"batchId\": \"b-repeat\", \"operator\": \"o\", \"authority\": \"dunkerque\", \"service\": \"water\", \"currency\": \"EUR\", \"createdAt\": \"2023-01-05T08:00:00Z\", \"lines\": [{\"lineNumber\": 7}, {\"lineNumber\": 8}, {\"lineNumber\": 7}]}", "$.lines: line numbers must be unique in a batch (each keys its adjustments); repeated: 7 (1 line in all)")]
    [InlineData("POST", "api/eligibility", "{\"flagId\": ", "not a readable eligibility flag")]
    [InlineData("POST", "api/eligibility", "{\"flagId\": \"f-bad-window\", \"householdId\": \"h\", \"program\": \"dunkerque-css\", \"window\": {\"from\": \"2022-06-30\", \"to\": \"2022-06-01\"}, \"decisionDate\": \"2022-06-01\"}", "$.window: ends (2022-06-01) before it starts (2022-06-30)")]
    [InlineData("POST", "api/eligibility", "{\"flagId\": \"f-no-program\", \"householdId\": \"h\", \"program\": \"nowhere\", \"window\": {\"from\": \"2022-01-01\"}, \"decisionDate\": \"2022-01-01\", \"sourceAgency\": \"caf\"}", "$.program: no published catalog defines program 'nowhere'")]
    [InlineData("POST", "api/eligibility", "{\"revocationId\": \"r-no-date\", \"householdId\": \"h\", \"program\": \"dunkerque-css\", \"decisionDate\": \"2022-01-01\"}", "$.effectiveDate: required")]
    [InlineData("POST", "api/restrictions/check", "not json", "not a readable restriction request")]
    [InlineData("POST", "api/incidents/compensation", "{\"scheme\": \"england-water-gss\", \"incidentId\": \"i\", \"householdId\": \"h\", \"service\": \"water\", \"kind\": \"supplyInterruption\", \"restored\": \"2025-09-03T14:00:00\"}", "$.deadline: required")]
    [InlineData("PUT", "api/restrictions/rules", "{\"jurisdiction\": \"FR\"}", "$.versions: required")]
    [InlineData("PUT", "api/standards", "{\"scheme\": \"s\", \"currency\": \"XYZ\"}", "$.currency: 'XYZ' is not a supported currency")]
    public async Task Malformed_input_is_refused_with_the_field_at_fault(string method, string route, string body, string expected)
    {
        await host.PublishCatalogAsync(Samples.Catalog);

        using var response = await host.SendAsync(new HttpMethod(method), route, body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, text);
        Assert.True(host.IsRunning);
    }

    [Fact]
    public async Task A_refused_eligibility_flag_is_stored_with_its_reason()
    {
        var flag = Pipeline.Flag("f-stored-refusal", "h", "nowhere", "2022-01-01");

        using var response = await host.SendAsync(HttpMethod.Post, "api/eligibility", flag.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rejection = Assert.Single(await host.RejectionsAsync("eligibility-flags"), r => r.Key == "f-stored-refusal");
        Assert.Contains("no published catalog defines program 'nowhere'", rejection.Reason);
        Assert.Equal("nowhere", (string)JsonNode.Parse(rejection.Excerpt)!["program"]!);
    }
}
