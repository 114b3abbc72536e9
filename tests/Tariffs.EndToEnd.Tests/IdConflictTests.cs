using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// An id names one document over HTTP: the same batch or flag again is answered as the first time and changes nothing;
/// other content under a taken id is 409 problem details, and the first document stays as it was.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class IdConflictTests(LocalHostFixture host)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static async Task AssertConflictAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urn:tariffs:problem:id-conflict", (string?)problem["type"]);
        Assert.Equal(409, (int?)problem["status"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        Assert.Contains(detail, (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_batch_posted_again_is_a_no_op_and_a_changed_batch_under_its_id_is_409()
    {
        await host.PublishCatalogAsync(Samples.CatalogFor("id-conflict")); // its own authority: the sample's report stays the sample's
        var id = Unique("col/1");
        var household = Unique("hh");
        var first = Pipeline.Batch(id, "id-conflict", [Pipeline.Line(1, household, 120m)]).ToJsonString();
        var changed = Pipeline.Batch(id, "id-conflict", [Pipeline.Line(1, household, 99m), Pipeline.Line(2, household + "-2", 50m)]).ToJsonString();

        await host.PostBatchAsync(first);
        await host.WaitUntilIdleAsync();
        var again = await host.PostBatchAsync(first);
        using var conflict = await host.SendAsync(HttpMethod.Post, "api/batches", changed);
        await AssertConflictAsync(conflict, $"batch id '{id}' is taken by a batch with other content");
        await host.WaitUntilIdleAsync();

        Assert.True((bool)again["duplicate"]!);
        Assert.Equal("completed", (string?)again["current"]!["state"]);
        var line = Assert.Single(await host.LedgerAsync(id));
        Assert.Equal(household, line.HouseholdId);
        Assert.Equal(120m, line.Quantity); // line 1 as first sent
        var status = (await host.Authorised.GetFromJsonAsync<JsonObject>($"api/batches/{Uri.EscapeDataString(id)}"))!;
        Assert.Equal((1, 1), ((int)status["linesReceived"]!, (int)status["linesPriced"]!));
        Assert.Single(await host.RejectionsAsync(id), r => r.Key.StartsWith("conflict|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flag_posted_again_is_201_and_a_new_window_under_its_id_is_409()
    {
        await host.PublishCatalogAsync(Samples.Catalog);
        var household = Unique("hh");
        var flagId = Unique("f|" + household);

        await host.PostEligibilityAsync(Pipeline.Flag(flagId, household, "dunkerque-css", "2022-01-01"));
        await host.PostEligibilityAsync(Pipeline.Flag(flagId, household, "dunkerque-css", "2022-01-01"));
        using var conflict = await host.SendAsync(HttpMethod.Post, "api/eligibility", Pipeline.Flag(flagId, household, "dunkerque-css", "2022-07-01").ToJsonString());

        await AssertConflictAsync(conflict, $"flag id '{flagId}' was stored before with other content");
        Assert.Single(await host.RejectionsAsync("eligibility-flags"), r => r.Key.StartsWith(flagId + "|conflict|", StringComparison.Ordinal));
    }
}
