using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Eligibility;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Eligibility;

/// <summary>
/// Eligibility flags from social services: the queue trigger records them; the HTTP route puts a flag on
/// the same queue.
/// </summary>
public sealed class EligibilityFlagFunctions(EligibilityFlagHandler handler, QueueServiceClient queues)
{
    /// <summary>Queue carrying eligibility flags.</summary>
    public const string QueueName = "eligibility-flags";

    private const int MaxFlagBytes = 16 * 1024;

    [Function(nameof(RecordEligibilityFlag))]
    public Task RecordEligibilityFlag([QueueTrigger(QueueName)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body.ToString(), message.MessageId, cancellationToken);

    [Function(nameof(PostEligibilityFlag))]
    public async Task<IActionResult> PostEligibilityFlag(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "eligibility")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxFlagBytes, cancellationToken);
        if (body is null)
            return new ObjectResult(new { error = $"An eligibility flag is at most {MaxFlagBytes} bytes." }) { StatusCode = StatusCodes.Status413PayloadTooLarge };
        if (string.IsNullOrWhiteSpace(body))
            return new BadRequestObjectResult(new { error = "The body must be an eligibility flag (JSON)." });
        await queues.GetQueueClient(QueueName).SendMessageAsync(body, cancellationToken);
        return new AcceptedResult((string?)null, new { status = "queued", queue = QueueName });
    }
}
