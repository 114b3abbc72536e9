using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Billing;
using Tariffs.Storage.Queues;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs queue trigger on <c>billing-chunks</c> that forwards each message to
/// <see cref="BillingBatchFunctions.ProcessBillingChunk"/>; the WebJobs SDK supplies polling, batching, visibility
/// renewal, dequeue counts and the move to the poison queue.
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class BillingChunkQueueTrigger(BillingBatchFunctions functions)
{
    /// <summary>Runs <see cref="BillingBatchFunctions.ProcessBillingChunk"/> for one message.</summary>
    [FunctionName(nameof(BillingBatchFunctions.ProcessBillingChunk))]
    public Task ProcessBillingChunk(
        [QueueTrigger(QueueNames.BillingChunks)] QueueMessage message,
        CancellationToken cancellationToken)
        => functions.ProcessBillingChunk(message, cancellationToken);
}
