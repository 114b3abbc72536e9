using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// An operator reads why its lines were refused over HTTP: <c>GET /api/batches/{id}/rejections</c>, linked from the
/// batch status, paged in line order with a continuation token, each rejection with its line number, household, every
/// fault with the field at fault, and the excerpt.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class BatchRejectionsTests(LocalHostFixture host)
{
    [Fact]
    public async Task The_rejections_of_a_batch_are_read_a_page_at_a_time_with_every_fault_and_its_field()
    {
        const string Authority = "rejections";
        await host.PublishCatalogAsync(Samples.CatalogFor(Authority));
        var batchId = "rej-" + Guid.NewGuid().ToString("N")[..12];
        var lines = Enumerable.Range(1, 5).Select(n => Pipeline.Line(n, $"{batchId}-h{n}", 10m)).ToList();
        lines[1]["persons"] = 0;                                   // line 2: one fault
        lines[3]["persons"] = 0;                                   // line 4: two faults
        lines[3]["consumption"]!["quantity"] = -1;
        lines[4]["tariffCode"] = "NOPE";                           // line 5: priced against the catalog, refused there
        await host.PostBatchAsync(Pipeline.Batch(batchId, Authority, lines).ToJsonString());
        var status = await Eventually.ValueAsync(
            async () => await host.Authorised.GetFromJsonAsync<JsonObject>($"api/batches/{batchId}"),
            s => (string?)s!["state"] != "processing", Pipeline.Patience, "the batch to end");

        var link = (string)status!["rejections"]!;
        using var first = await host.Authorised.GetAsync(link.TrimStart('/') + "?limit=2");
        var page1 = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var page2 = (await host.Authorised.GetFromJsonAsync<JsonObject>($"api/batches/{batchId}/rejections?limit=2&continuation={(string)page1["continuation"]!}"))!;
        using var forged = await host.Authorised.GetAsync($"api/batches/{batchId}/rejections?continuation=%%%");
        using var tooMany = await host.Authorised.GetAsync($"api/batches/{batchId}/rejections?limit=1001");

        Assert.Equal((2, 3), ((int)status["linesPriced"]!, (int)status["linesRejected"]!));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rejections = page1["rejections"]!.AsArray().Concat(page2["rejections"]!.AsArray()).ToList();
        Assert.Equal([2, 4, 5], rejections.Select(r => (int)r!["lineNumber"]!));
        Assert.Equal([$"{batchId}-h2", $"{batchId}-h4", $"{batchId}-h5"], rejections.Select(r => (string)r!["householdId"]!));
        Assert.Equal(["$.lines[1].persons"], rejections[0]!["errors"]!.AsArray().Select(e => (string)e!["path"]!));
        Assert.Equal(["$.lines[3].persons", "$.lines[3].consumption.quantity"], rejections[1]!["errors"]!.AsArray().Select(e => (string)e!["path"]!));
        Assert.Contains("NOPE", (string)rejections[2]!["reason"]!, StringComparison.Ordinal);
        Assert.All(rejections, r => Assert.Equal("line", (string)r!["scope"]!));
        Assert.Null(page2["continuation"]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }
}
