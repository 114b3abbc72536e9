using Tariffs.Application.Ports;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Intake;
using Tariffs.Application.Tests.Billing;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Rejections;
using Tariffs.Testing;
using Tariffs.Application.Messages;

namespace Tariffs.Application.Tests.Intake;

/// <summary>A posted batch whose operator the poster may not act for is refused from its header: nothing stored under its id, nothing queued.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BatchOperatorScopeTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("EUR")]
    [InlineData(null)] // an invalid batch too: its refusal is not stored under the other operator's id either
    public async Task A_batch_of_another_operator_is_refused_before_anything_is_stored_or_queued(string? currency)
    {
        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        var batchId = "scope-" + Guid.NewGuid().ToString("N");

        var uploadsBefore = await UploadsAsync(services);

        var result = await services.GetRequiredService<BatchIntake>().AcceptAsync(Body(batchId, "op-a", currency), op => op == "op-b", CancellationToken.None);

        Assert.Equal("op-a", result.ForbiddenOperator);
        Assert.False(result.Accepted);
        Assert.Null(await services.GetRequiredService<BatchStore>().GetStatusAsync(batchId, CancellationToken.None));
        Assert.Empty(await RejectionsAsync(services, batchId));
        Assert.DoesNotContain(await QueuedAsync(services), m => m.Contains(batchId, StringComparison.Ordinal));
        Assert.Equal(uploadsBefore, await UploadsAsync(services));
    }

    [Fact]
    public async Task A_batch_of_the_posters_operator_is_accepted_and_its_status_names_the_operator()
    {
        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        var batchId = "scope-" + Guid.NewGuid().ToString("N");

        var result = await services.GetRequiredService<BatchIntake>().AcceptAsync(Body(batchId, "op-b"), op => op == "op-b", CancellationToken.None);

        Assert.True(result.Accepted, result.Refusal);
        Assert.Null(result.ForbiddenOperator);
        Assert.Equal("op-b", (await services.GetRequiredService<BatchStore>().GetStatusAsync(batchId, CancellationToken.None))!.Operator);
    }

    [Fact]
    public async Task A_large_posted_document_unreadable_from_its_first_bytes_is_refused_and_still_stored_whole()
    {
        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        // Unreadable at once, and far larger than what the scan and the upload hold between them: the upload must finish alone.
        var document = Encoding.UTF8.GetBytes("{\"batchId\": oops " + new string(' ', 3_000_000) + "}");
        var uploadsBefore = await UploadsAsync(services);

        var result = await services.GetRequiredService<BatchIntake>().AcceptAsync(new TricklingStream(document, 6, 200_000), static _ => true, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(result.Accepted);
        Assert.StartsWith("not a readable billing batch", result.Refusal, StringComparison.Ordinal);
        var stored = Assert.Single((await UploadsAsync(services)).Except(uploadsBefore));
        var blob = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(IBatchDocuments.ContainerName).GetBlobClient(stored);
        Assert.Equal(document, (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    private static MemoryStream Body(string batchId, string operatorId, string? currency = "EUR") => new(Encoding.UTF8.GetBytes(new JsonObject
    {
        ["batchId"] = batchId, ["operator"] = operatorId, ["authority"] = "dunkerque", ["service"] = "water", ["currency"] = currency,
        ["createdAt"] = "2023-01-05T08:00:00Z",
        ["lines"] = new JsonArray(new JsonObject
        {
            ["lineNumber"] = 1, ["householdId"] = "hh-scope", ["area"] = "A", ["persons"] = 2,
            ["period"] = new JsonObject { ["from"] = "2022-01-01", ["to"] = "2022-12-31" },
            ["consumption"] = new JsonObject { ["quantity"] = 80, ["unit"] = "m3" },
            ["tariffCode"] = "DOM", ["billedAmount"] = 0,
        }),
    }.ToJsonString()));

    private static async Task<List<Rejection>> RejectionsAsync(ServiceProvider services, string partition)
    {
        var rows = new List<Rejection>();
        await foreach (var row in services.GetRequiredService<RejectionStore>().InPartitionAsync(partition, CancellationToken.None))
            rows.Add(row);
        return rows;
    }

    /// <summary>The uploaded batches (tests of this collection run one at a time).</summary>
    private static async Task<List<string>> UploadsAsync(ServiceProvider services)
    {
        var names = new List<string>();
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(IBatchDocuments.ContainerName);
        await container.CreateIfNotExistsAsync();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "incoming/", CancellationToken.None))
            names.Add(blob.Name);
        return names;
    }

    private static async Task<List<string>> QueuedAsync(ServiceProvider services)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.BillingChunks);
        var peeked = await queue.PeekMessagesAsync(maxMessages: 32);
        return peeked.Value.Select(m => m.Body.ToString()).ToList();
    }
}
