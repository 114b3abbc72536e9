using Tariffs.Application.Ports;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Storage.Batches;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Over the local host and its WebJobs queue triggers: one bad line never costs another, a chunk failing on every
/// delivery ends failed after maxDequeueCount deliveries, and a message that cannot even be decoded ends recorded with a
/// reason on its poison queue.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class IsolationTests(LocalHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1.5);

    private async Task<JsonObject> StatusAsync(string batchId)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"api/batches/{batchId}");
        return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonObject>())! : new JsonObject();
    }

    [Fact]
    public async Task A_batch_sent_on_the_queue_with_one_line_overflowing_prices_the_others_and_completes()
    {
        await host.PublishCatalogAsync(Samples.CatalogFor("isolation"));
        var batchId = "iso-" + Guid.NewGuid().ToString("N")[..8];
        var lines = Enumerable.Range(1, 5).Select(n => Pipeline.Line(n, $"{batchId}-h{n}", n == 3 ? 79_000_000_000_000_000_000_000_000_000m : 10m));

        await host.Queue("billing-batches").SendMessageAsync(Pipeline.Batch(batchId, "isolation", lines).ToJsonString()); // raw, past any HTTP validation

        var status = await Eventually.ValueAsync(() => StatusAsync(batchId), s => (string?)s["state"] is "completed" or "completedWithFailures", Patience, "the batch to end");
        Assert.Equal(("completed", 4, 1), ((string?)status["state"], (int)status["linesPriced"]!, (int)status["linesRejected"]!));
        Assert.Equal([1, 2, 4, 5], (await host.LedgerAsync(batchId)).Select(e => e.LineNumber));
        var rejection = Assert.Single(await host.RejectionsAsync(batchId));
        Assert.Equal("line|0000000003", rejection.Key);
        Assert.NotEmpty(rejection.Reason);
    }

    [Fact]
    public async Task A_chunk_that_fails_on_every_delivery_ends_completedWithFailures_with_its_lines_rejected()
    {
        var batchId = "fail-" + Guid.NewGuid().ToString("N")[..8];
        var lines = string.Join(',', Enumerable.Range(1, 2).Select(n => Pipeline.Line(n, $"{batchId}-h{n}", 10m).ToJsonString()));
        var blob = new BlobServiceClient(host.ConnectionString).GetBlobContainerClient(IBatchDocuments.ContainerName).GetBlobClient($"incoming/{batchId}.json");
        await blob.UploadAsync(BinaryData.FromString(lines));
        await new BatchStore(host.Tables).SaveHeaderAsync(new BatchRecord
        {
            BatchId = batchId, Operator = "op", Authority = "nowhere", Service = "water", Currency = "EUR", BlobName = blob.Name, Lines = 2, Chunks = 1,
            ReceivedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        // No catalog is published for authority 'nowhere': the chunk throws on every delivery.
        var chunk = new JsonObject
        {
            ["batchId"] = batchId, ["operator"] = "op", ["authority"] = "nowhere", ["service"] = "water", ["currency"] = "EUR", ["blobName"] = blob.Name,
            ["chunk"] = 0, ["offset"] = 0, ["length"] = lines.Length, ["firstIndex"] = 0, ["count"] = 2,
        };

        await host.Queue("billing-chunks").SendMessageAsync(chunk.ToJsonString());

        var status = await Eventually.ValueAsync(() => StatusAsync(batchId), s => (string?)s["state"] == "completedWithFailures", Patience, "the failed chunk to end its batch");
        Assert.Equal((0, 2, 1, 2), ((int)status["linesPriced"]!, (int)status["linesRejected"]!, (int)status["chunksFailed"]!, (int)status["linesFailed"]!));
        Assert.Contains("delivery 5", (string?)status["failure"]);
        var rejections = await host.RejectionsAsync(batchId);
        Assert.Equal(["line|0000000001", "line|0000000002"], rejections.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(rejections, r => Assert.StartsWith("not processed: InvalidOperationException: No catalog for nowhere/water", r.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("billing-batches")]
    [InlineData("billing-chunks")]
    [InlineData("eligibility-flags")]
    [InlineData("household-recompute")]
    [InlineData("webhook-deliveries")]
    public async Task A_message_that_is_not_base64_ends_stored_with_a_reason(string queue)
    {
        var marker = Guid.NewGuid().ToString("N");
        var raw = new QueueClient(host.ConnectionString, queue); // no Base64 encoding: raw JSON on the queue
        await raw.SendMessageAsync($$"""{"raw":"{{marker}}"}""");

        Rejection? found;
        try
        {
            found = await Eventually.ValueAsync(async () =>
                (await host.RejectionsAsync(queue + "-poison")).Concat(await host.RejectionsAsync(queue)).FirstOrDefault(r => r.Excerpt.Contains(marker, StringComparison.Ordinal)),
                r => r is not null, Patience, "the message to be stored as a rejection");
        }
        catch (TimeoutException e)
        {
            var counts = new List<string>();
            foreach (var q in new[] { queue, queue + "-poison", queue + "-poison-poison" })
                counts.Add($"{q}: {(await new QueueClient(host.ConnectionString, q).ExistsAsync()).Value}");
            var log = host.Log();
            throw new TimeoutException($"{e.Message}; {string.Join(", ", counts)}; log: {log[Math.Max(0, log.Length - 6000)..]}", e);
        }
        Assert.NotEmpty(found!.Reason);
    }
}
