using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Output;
using Tariffs.Storage.Queues;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs queue trigger on <c>webhook-deliveries</c> that forwards each message to
/// <see cref="WebhookFunctions.DeliverWebhook"/>.
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class WebhookDeliveryQueueTrigger(WebhookFunctions functions)
{
    /// <summary>Runs <see cref="WebhookFunctions.DeliverWebhook"/> for one message.</summary>
    [FunctionName(nameof(WebhookFunctions.DeliverWebhook))]
    public Task DeliverWebhook(
        [QueueTrigger(QueueNames.WebhookDeliveries)] QueueMessage message,
        CancellationToken cancellationToken)
        => functions.DeliverWebhook(message, cancellationToken);
}
