using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Tariffs.Functions.Billing;

/// <summary>Queue-triggered entry point for household billing batches posted by operators.</summary>
public sealed class BillingBatchFunctions(ILogger<BillingBatchFunctions> logger)
{
    /// <summary>Queue carrying billing batches (or claim-check references to them).</summary>
    public const string QueueName = "billing-batches";

    [Function(nameof(ProcessBillingBatch))]
    public Task ProcessBillingBatch([QueueTrigger(QueueName)] QueueMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Billing batch message {MessageId} (dequeue {DequeueCount})", message.MessageId, message.DequeueCount);
        return Task.CompletedTask;
    }
}
