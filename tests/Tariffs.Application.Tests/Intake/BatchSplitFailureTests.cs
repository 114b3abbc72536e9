using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Intake;
using Tariffs.Application.Tests.Billing;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Rejections;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;
using Tariffs.Application.Messages;

namespace Tariffs.Application.Tests.Intake;

/// <summary>
/// A batch message whose split keeps failing after its id was claimed does not leave the batch <c>processing</c>
/// forever: on its last delivery the chunks not queued are recorded as failed, their lines rejected "not processed",
/// and once the chunks queued before the failure are priced the batch ends <c>completedWithFailures</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BatchSplitFailureTests(AzuriteFixture azurite)
{
    /// <summary>Lets the first <paramref name="allowed"/> messages through to <c>billing-chunks</c>, then answers 503 to every other.</summary>
    private sealed class ChunkQueueOutage(int allowed) : HttpPipelinePolicy
    {
        private int sent;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith($"/{QueueNames.BillingChunks}/messages", StringComparison.Ordinal)
                && Interlocked.Increment(ref sent) > allowed)
                throw new RequestFailedException(503, "the queue service is unavailable (test)", "ServerBusy", null);
            await ProcessNextAsync(message, pipeline);
        }
    }

    /// <summary>Answers 503 to the <paramref name="failing"/>-th entity group transaction on the ledger table, and only to it (the report's projections are transactions too).</summary>
    private sealed class OneTransactionOutage(int failing) : HttpPipelinePolicy
    {
        private int sent;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && OnLedger(message) && Interlocked.Increment(ref sent) == failing)
                throw new RequestFailedException(503, "the table service is unavailable (test)", "ServerBusy", null);
            await ProcessNextAsync(message, pipeline);
        }

        private static bool OnLedger(HttpMessage message)
        {
            using var body = new MemoryStream();
            message.Request.Content?.WriteTo(body, CancellationToken.None);
            var text = System.Text.Encoding.UTF8.GetString(body.ToArray());
            return text.Contains($"/{TableNames.Ledger}(", StringComparison.Ordinal) || text.Contains($"/{TableNames.Ledger}?", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task On_its_last_delivery_an_inline_batch_whose_chunk_fails_fails_that_chunk_and_the_ones_after_it()
    {
        var (plain, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var id = header.BatchId;
        var document = $$"""{"batchId":"{{id}}","operator":"eau-du-dunkerquois","authority":"dunkerque","service":"water","currency":"EUR","lines":[{{ChunkRaceTests.LinesText(id)}}]}""";
        // Chunk 0's ledger transaction goes through; chunk 1's is refused once (503), on the message's last delivery.
        var intake = ChunkRaceTests.Services(azurite, tablePolicy: new OneTransactionOutage(failing: 2),
            settings: new Dictionary<string, string?> { ["Tariffs:Intake:ChunkSize"] = "1" }).GetRequiredService<BatchIntake>();

        var result = await intake.HandleMessageAsync(document, "m-1", 5, CancellationToken.None);

        Assert.Equal((id, 3, 3), (result.BatchId, result.Lines, result.Chunks));
        var status = (await plain.GetRequiredService<BatchStore>().GetStatusAsync(id, CancellationToken.None))!;
        Assert.Equal((BatchStatus.CompletedWithFailures, 3, 2, 1, 2, 2), (status.State, status.ChunksDone, status.ChunksFailed, status.LinesPriced, status.LinesRejected, status.LinesFailed));
        var rejected = new List<Rejection>();
        await foreach (var rejection in plain.GetRequiredService<RejectionStore>().InPartitionAsync(id, CancellationToken.None))
            rejected.Add(rejection);
        Assert.Equal([Rejection.LineKey(2), Rejection.LineKey(3)], rejected.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(rejected, r => Assert.Contains("(delivery 5)", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_its_last_delivery_a_split_that_fails_after_the_claim_fails_the_chunks_not_queued_and_the_batch_ends()
    {
        var (plain, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        await plain.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(QueueNames.BillingChunks).ClearMessagesAsync();
        // Each delivery runs on a host whose queue client lets one chunk message through, then fails.
        BatchIntake Failing() => ChunkRaceTests.Services(azurite, queuePolicy: new ChunkQueueOutage(allowed: 1),
            settings: new Dictionary<string, string?> { ["Tariffs:Intake:ChunkSize"] = "1" }).GetRequiredService<BatchIntake>();
        var id = header.BatchId;
        var document = $$"""{"batchId":"{{id}}","operator":"eau-du-dunkerquois","authority":"dunkerque","service":"water","currency":"EUR","lines":[{{ChunkRaceTests.LinesText(id)}}]}""";
        var blobName = $"incoming/test/{id}.json";
        await plain.GetRequiredService<BatchBlobStore>().UploadAsync(blobName, new MemoryStream(Encoding.UTF8.GetBytes(document)), CancellationToken.None);
        var claimCheck = $$$"""{"claimCheck":{"blobName":"{{{blobName}}}"}}""";
        var batches = plain.GetRequiredService<BatchStore>();

        // A delivery with deliveries left throws, for the message to come again: nothing is decided yet.
        await Assert.ThrowsAsync<RequestFailedException>(() => Failing().HandleMessageAsync(claimCheck, "m-1", 1, CancellationToken.None));
        Assert.Equal((BatchStatus.Processing, 0), ((await batches.GetStatusAsync(id, CancellationToken.None))!.State, (await batches.GetStatusAsync(id, CancellationToken.None))!.ChunksDone));

        // The last delivery (5 of 5): chunk 0 was queued, chunks 1 and 2 are not and fail.
        var last = await Failing().HandleMessageAsync(claimCheck, "m-1", 5, CancellationToken.None);
        Assert.Equal((id, 3, 3), (last.BatchId, last.Lines, last.Chunks));
        var split = (await batches.GetStatusAsync(id, CancellationToken.None))!;
        Assert.Equal((BatchStatus.Processing, 3, 2, 2, 2), (split.State, split.ChunksTotal, split.ChunksDone, split.ChunksFailed, split.LinesFailed));
        Assert.Contains("chunk 1 could not be queued", split.Failure, StringComparison.Ordinal);
        var rejected = new List<Rejection>();
        await foreach (var rejection in plain.GetRequiredService<RejectionStore>().InPartitionAsync(id, CancellationToken.None))
            rejected.Add(rejection);
        Assert.Equal(2, rejected.Count);
        Assert.All(rejected, r => Assert.StartsWith("not processed: the batch could not be split", r.Reason, StringComparison.Ordinal));

        // The chunk queued before the failure (queued by both deliveries: the second copy appends nothing) is priced.
        var queue = plain.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(QueueNames.BillingChunks);
        var messages = (await queue.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(2, messages.Length);
        foreach (var message in messages)
            await plain.GetRequiredService<BatchIntake>().HandleChunkMessageAsync(message.Body.ToString(), 1, CancellationToken.None);

        var ended = (await batches.GetStatusAsync(id, CancellationToken.None))!;
        Assert.Equal((BatchStatus.CompletedWithFailures, 3, 1, 2, 2), (ended.State, ended.ChunksDone, ended.LinesPriced, ended.LinesRejected, ended.LinesFailed));
    }
}
