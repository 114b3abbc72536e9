using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Billing;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Billing;

/// <summary>
/// Billing batches from operators: the queue trigger prices them; the HTTP route puts a batch on the same
/// queue, so both entries share one path.
/// </summary>
public sealed class BillingBatchFunctions(BillingBatchHandler handler, QueueServiceClient queues)
{
    /// <summary>Queue carrying billing batches.</summary>
    public const string QueueName = "billing-batches";

    /// <summary>Largest batch a queue message can carry (64 KiB less Base64 overhead); larger ones need the claim-check path.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    [Function(nameof(ProcessBillingBatch))]
    public Task ProcessBillingBatch([QueueTrigger(QueueName)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body.ToString(), message.MessageId, cancellationToken);

    [Function(nameof(PostBillingBatch))]
    public async Task<IActionResult> PostBillingBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxMessageBytes, cancellationToken);
        if (body is null)
            return new ObjectResult(new { error = $"A batch posted here is at most {MaxMessageBytes} bytes; split it into several batches." }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
        if (string.IsNullOrWhiteSpace(body))
            return new BadRequestObjectResult(new { error = "The body must be a billing batch (JSON)." });
        await queues.GetQueueClient(QueueName).SendMessageAsync(body, cancellationToken);
        return new AcceptedResult((string?)null, new { status = "queued", queue = QueueName });
    }
}
