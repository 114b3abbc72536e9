using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Billing;
using Tariffs.Storage.Queues;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs queue trigger on <c>billing-batches</c> that forwards each message to
/// <see cref="BillingBatchFunctions.ProcessBillingBatch"/>; the WebJobs SDK supplies polling, batching, visibility
/// renewal, dequeue counts and the move to the poison queue.
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class BillingBatchQueueTrigger(BillingBatchFunctions functions)
{
    /// <summary>Runs <see cref="BillingBatchFunctions.ProcessBillingBatch"/> for one message.</summary>
    [FunctionName(nameof(BillingBatchFunctions.ProcessBillingBatch))]
    public Task ProcessBillingBatch(
        [QueueTrigger(QueueNames.BillingBatches)] QueueMessage message,
        CancellationToken cancellationToken)
        => functions.ProcessBillingBatch(message, cancellationToken);
}
