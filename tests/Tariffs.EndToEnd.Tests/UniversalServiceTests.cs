using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>PRODUCT.md worked examples 9 and 10 through HTTP, and a household's explanation trail.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class UniversalServiceTests(LocalHostFixture host)
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", name));

    private async Task<JsonObject> PostAsync(string route, JsonObject body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await host.SendAsync(HttpMethod.Post, route, body.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonObject Restriction(string service, string action, string date, bool main) => new()
    {
        ["jurisdiction"] = "FR", ["householdId"] = "hh-restrict", ["service"] = service, ["action"] = action,
        ["date"] = date, ["mainResidence"] = main,
    };

    [Fact]
    public async Task Restriction_requests_follow_french_law_with_the_deciding_rule()
    {
        using (var published = await host.SendAsync(HttpMethod.Put, "api/restrictions/rules", Sample("restrictions-france.json")))
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var water = await PostAsync("api/restrictions/check", Restriction("water", "disconnection", "2025-07-14", main: true));
        var cutOff = await PostAsync("api/restrictions/check", Restriction("electricity", "disconnection", "2025-01-15", main: true));
        var reduction = await PostAsync("api/restrictions/check", Restriction("electricity", "powerReduction", "2025-01-15", main: true));
        var secondHome = await PostAsync("api/restrictions/check", Restriction("electricity", "disconnection", "2025-01-15", main: false));

        Assert.Equal("blocked", (string)water["verdict"]!);
        Assert.Contains("L115-3", (string)water["legalReference"]!);
        Assert.Equal("blocked", (string)cutOff["verdict"]!);
        Assert.Equal("allowedWithLimit", (string)reduction["verdict"]!);
        Assert.StartsWith("3 kVA", (string)reduction["limit"]!);
        Assert.Equal("allowed", (string)secondHome["verdict"]!);
    }

    [Fact]
    public async Task A_restriction_request_without_a_date_is_refused_naming_the_field()
    {
        var request = Restriction("water", "disconnection", "2025-07-14", main: true);
        request.Remove("date");

        var refused = await PostAsync("api/restrictions/check", request, HttpStatusCode.BadRequest);

        Assert.Contains("$.date: required", refused["problems"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task Supply_restored_50_hours_late_is_compensated_150_pounds()
    {
        using (var published = await host.SendAsync(HttpMethod.Put, "api/standards", Sample("standards-england-water.json")))
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var decision = await PostAsync("api/incidents/compensation", new JsonObject
        {
            ["scheme"] = "england-water-gss", ["incidentId"] = "inc-1", ["householdId"] = "hh-uk-1", ["service"] = "water",
            ["kind"] = "supplyInterruption", ["deadline"] = "2025-09-01T12:00:00", ["restored"] = "2025-09-03T14:00:00",
        });

        Assert.Equal(150m, (decimal)decision["amount"]!); // £50 + 2 full days × £50
        Assert.Equal("GBP", (string)decision["currency"]!);
    }

    [Fact]
    public async Task A_household_explanation_shows_each_adjustment_with_its_rule_and_legal_reference()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await host.PublishCatalogAsync(Samples.CatalogFor("explain-" + suffix, "explain-css-" + suffix));
        var household = "hh-explain-" + suffix;
        await host.PostEligibilityAsync(Pipeline.Flag("f-" + household, household, "explain-css-" + suffix, "2022-01-01"));
        await host.PostBatchAsync(Pipeline.Batch("explain-" + suffix, "explain-" + suffix, [Pipeline.Line(1, household, 120m)]).ToJsonString());
        await host.WaitUntilIdleAsync();

        var explanation = await host.Authorised.GetFromJsonAsync<JsonObject>($"api/households/{household}/explanation");
        var line = explanation!["lines"]![0]!;
        var adjustment = line["adjustments"]![0]!;

        Assert.Equal(137.60m, (decimal)line["standardBill"]!);
        Assert.Equal(93.60m, (decimal)line["socialBill"]!);
        Assert.Equal(-44.00m, (decimal)adjustment["amount"]!);
        Assert.Equal("2022-01-01", (string)adjustment["ruleVersions"]!);
        Assert.Contains("délibération 2022", (string)adjustment["legalReferences"]!);
        Assert.Contains("0.34", adjustment["explanation"]!.ToJsonString());
        using var anonymous = await host.Anonymous.GetAsync($"api/households/{household}/explanation");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Blocked_restrictions_and_compensations_are_counted_in_the_households_area()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var authority = "events-" + suffix;
        var household = "hh-events-" + suffix;
        await host.PublishCatalogAsync(Samples.CatalogFor(authority, "events-css-" + suffix));
        await host.PostBatchAsync(Pipeline.Batch("events-" + suffix, authority, [Pipeline.Line(1, household, 120m, area: "Z9")]).ToJsonString());
        await host.WaitUntilIdleAsync();
        using (var published = await host.SendAsync(HttpMethod.Put, "api/restrictions/rules", Sample("restrictions-france.json")))
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using (var published = await host.SendAsync(HttpMethod.Put, "api/standards", Sample("standards-england-water.json")))
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var request = Restriction("water", "disconnection", "2022-11-15", main: true);
        request["householdId"] = household;
        Assert.Equal("blocked", (string)(await PostAsync("api/restrictions/check", request))["verdict"]!);
        Assert.Equal("blocked", (string)(await PostAsync("api/restrictions/check", request))["verdict"]!); // asked twice, counted once
        await PostAsync("api/incidents/compensation", new JsonObject
        {
            ["scheme"] = "england-water-gss", ["incidentId"] = "inc-" + suffix, ["authority"] = "uk-" + suffix, ["area"] = "E1",
            ["service"] = "water", ["kind"] = "supplyInterruption", ["deadline"] = "2025-09-01T12:00:00", ["restored"] = "2025-09-03T14:00:00",
        });
        using (var recompute = await host.SendAsync(HttpMethod.Post, "api/reports/equity/recompute"))
            Assert.Equal(HttpStatusCode.OK, recompute.StatusCode);

        var cells2022 = await host.Authorised.GetFromJsonAsync<JsonArray>("api/reports/equity/unsuppressed?period=2022&service=water");
        var cells2025 = await host.Authorised.GetFromJsonAsync<JsonArray>("api/reports/equity/unsuppressed?period=2025&service=water");
        var area = cells2022!.Single(c => (string)c!["authority"]! == authority && (string)c["area"]! == "Z9")!;
        var uk = cells2025!.Single(c => (string)c!["authority"]! == "uk-" + suffix && (string)c["area"]! == "E1")!;
        Assert.Equal(1, (int)area["blockedRestrictions"]!);
        Assert.Equal(150m, (decimal)uk["compensationTotal"]!);
    }
}
