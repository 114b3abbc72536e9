using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using NodaTime;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Application.Simulations;
using Tariffs.Storage.Simulations;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Reform simulation over HTTP on the live ledger: the sample catalog under its own authority and program, 23
/// households of area A billed 120 m³ over 2022, 12 of them CSS from 1 January; a draft lowering the CSS price of the
/// first 80 m³ from 0.34 to 0.24 gives each CSS household 80 × 0.10 = 8.00 € more a year: the social tariff's cost
/// 12 × 44.00 = 528.00 now, 12 × 52.00 = 624.00 under the draft. Queued, polled to completion, the ledger unchanged.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class SimulationApiTests(LocalHostFixture host)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static JsonObject Request(string authority, string draft) => new()
    {
        ["authority"] = authority, ["service"] = "water", ["from"] = "2022-01-01", ["to"] = "2022-12-31", ["draft"] = JsonNode.Parse(draft),
    };

    /// <summary>The catalog (as <see cref="Samples.CatalogFor(string, string, bool)"/> writes it) with the CSS price of the first block changed.</summary>
    private static string Lower(string catalog, string price)
    {
        var lowered = catalog.Replace("\"blockPrices\":[0.34,null]", $"\"blockPrices\":[{price},null]", StringComparison.Ordinal);
        Assert.NotEqual(catalog, lowered);
        return lowered;
    }

    [Fact]
    public async Task A_draft_is_queued_polled_to_completion_with_the_figures_computed_by_hand_and_the_ledger_is_unchanged()
    {
        var (authority, program, batchId) = (Unique("sim"), Unique("css"), Unique("batch"));
        var catalog = Samples.CatalogFor(authority, program);
        await host.PublishCatalogAsync(catalog);
        var households = Enumerable.Range(0, 23).Select(i => Unique(i < 12 ? "css" : "hh")).ToList();
        foreach (var household in households.Take(12))
            await host.PostEligibilityAsync(Pipeline.Flag("f-" + household, household, program, "2022-01-01"));
        await host.PostBatchAsync(Pipeline.Batch(batchId, authority, households.Select((h, i) => Pipeline.Line(i + 1, h, 120m))).ToJsonString());
        await Eventually.ValueAsync(() => host.LedgerAsync(batchId), e => e.Count == 23, Pipeline.Patience, "23 lines priced");
        await host.WaitUntilIdleAsync();
        var before = System.Text.Json.JsonSerializer.Serialize(await host.LedgerAsync(batchId));

        using var posted = await host.SendAsync(HttpMethod.Post, "api/simulations", Request(authority, Lower(catalog, "0.24")).ToJsonString());
        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        var location = posted.Headers.Location!.ToString();
        Assert.StartsWith("/api/simulations/", location, StringComparison.Ordinal);
        var status = await Eventually.ValueAsync(async () => (await host.Authorised.GetFromJsonAsync<JsonObject>(location.TrimStart('/')))!,
            s => (string?)s["state"] is "completed" or "failed", Pipeline.Patience, "the simulation to complete");

        Assert.Equal(("completed", 23, 23, 0), ((string)status["state"]!, (int)status["linesDone"]!, (int)status["linesTotal"]!, (int)status["linesRefused"]!));
        foreach (var area in new[] { "A", "*" })
        {
            var cell = status["cells"]!.AsArray().Single(c => (string)c!["area"]! == area)!;
            Assert.Equal(("2022", false, 23), ((string)cell["period"]!, (bool)cell["suppressed"]!, (int)cell["households"]!));
            Assert.Equal((528.00m, 624.00m), ((decimal)cell["socialCostNow"]!, (decimal)cell["socialCostDraft"]!));
            Assert.Equal((12, 0, 11), ((int)cell["betterOff"]!, (int)cell["worseOff"]!, (int)cell["unchanged"]!));
            Assert.Equal((12, 12, 1.0), ((int)cell["eligibleNow"]!, (int)cell["receivingDraft"]!, (double)cell["takeUpDraft"]!));
        }

        var page = (await host.Authorised.GetFromJsonAsync<JsonObject>(location.TrimStart('/') + "/households?limit=100"))!;
        var diff = page["households"]!.AsArray().Where(h => (string)h!["area"]! == "A").ToDictionary(h => (string)h!["householdId"]!, h => (decimal)h!["change"]!);
        Assert.Equal(23, diff.Count);
        Assert.All(households.Take(12), h => Assert.Equal(-8.00m, diff[h]));
        Assert.All(households.Skip(12), h => Assert.Equal(0m, diff[h]));
        Assert.Null(page["continuation"]);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await host.LedgerAsync(batchId)));
    }

    [Fact]
    public async Task A_simulation_whose_chunk_fails_for_good_is_shown_failed_with_why()
    {
        // A stored simulation whose published catalog no longer reads: its chunk cannot run, whatever the deliveries.
        var (authority, id) = (Unique("sim"), Guid.NewGuid().ToString("N"));
        await new SimulationStore(new BlobServiceClient(host.ConnectionString)).SaveAsync(new SimulationRecord(id, authority, "water",
            new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31), "{}", "not a catalog", Instant.FromUtc(2023, 2, 1, 8, 0), 8) { LinesTotal = 0 }, CancellationToken.None);
        await host.Queue(QueueNames.Simulations).SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(new SimulationMessage(id, 0), TariffsJson.Options));

        var status = await Eventually.ValueAsync(async () => (await host.Authorised.GetFromJsonAsync<JsonObject>($"api/simulations/{id}"))!,
            s => (string?)s["state"] != "running", Pipeline.Patience, "the simulation to fail");

        Assert.Equal(("failed", "the stored published catalog or draft no longer reads"), ((string)status["state"]!, (string?)status["error"]));
        Assert.Null(status["cells"]);
        using var households = await host.Authorised.GetAsync($"api/simulations/{id}/households");
        Assert.Equal(HttpStatusCode.NotFound, households.StatusCode);
    }

    [Fact]
    public async Task A_bad_draft_is_refused_with_its_faults()
    {
        var authority = Unique("sim");
        await host.PublishCatalogAsync(Samples.CatalogFor(authority));

        using var response = await host.SendAsync(HttpMethod.Post, "api/simulations", Request(authority, Lower(Samples.CatalogFor(authority), "-0.24")).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urn:tariffs:problem:validation", (string)problem["type"]!);
        Assert.Contains(problem["errors"]!.AsArray(), e => ((string)e!["path"]!).StartsWith("$.draft.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_regulator_simulates()
    {
        var authority = Unique("sim");
        using var operatorClient = host.WithKey(LocalHostFixture.RoleKeys["operator"]);
        using var response = await operatorClient.PostAsync("api/simulations",
            new StringContent(Request(authority, Samples.CatalogFor(authority)).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
