using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;

namespace Tariffs.EndToEnd.Tests;

/// <summary>A billing system stores a large batch in blob storage and puts only a reference on the queue.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ClaimCheckTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_claim_check_message_prices_the_stored_batch_in_chunks()
    {
        var batchId = "claim-" + Guid.NewGuid().ToString("N")[..8];
        await host.PublishCatalogAsync(Samples.CatalogFor(batchId)); // its own authority: the sample report stays the sample's
        var lines = Enumerable.Range(1, 4500).Select(i => Pipeline.Line(i, $"{batchId}-hh-{i}", 120m));
        var blob = new BlobContainerClient(host.ConnectionString, "batches").GetBlobClient($"operator-uploads/{batchId}.json");
        await blob.UploadAsync(BinaryData.FromString(Pipeline.Batch(batchId, batchId, lines).ToJsonString()));

        await host.Queue("billing-batches").SendMessageAsync(new JsonObject { ["claimCheck"] = new JsonObject { ["blobName"] = blob.Name } }.ToJsonString());
        await host.WaitUntilIdleAsync();

        var status = await host.Authorised.GetFromJsonAsync<JsonObject>($"api/batches/{batchId}");
        Assert.Equal("completed", (string)status!["state"]!);
        Assert.Equal(3, (int)status["chunksTotal"]!); // 4,500 lines in chunks of 2,000
        Assert.Equal(4500, (int)status["linesPriced"]!);
        Assert.Equal(4500, (await host.LedgerAsync(batchId)).Count);
    }

    [Fact]
    public async Task A_claim_check_naming_a_missing_blob_is_stored_as_a_rejection()
    {
        var sent = await host.Queue("billing-batches").SendMessageAsync("{\"claimCheck\": {\"blobName\": \"nowhere/missing.json\"}}");
        await host.WaitUntilIdleAsync();

        var rejection = Assert.Single(await host.RejectionsAsync("billing-batches"), r => r.Key == sent.Value.MessageId);
        Assert.Contains("'nowhere/missing.json' does not exist", rejection.Reason);
    }
}
