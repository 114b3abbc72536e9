using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Contracts;
using Tariffs.Application.Intake;
using Tariffs.Application.Json;
using Tariffs.Functions.Hosting;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Queues;

using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Billing;

/// <summary>
/// Billing batches from operators. Over HTTP a batch of any size is streamed into blob storage and fanned
/// out into chunk messages; on the queue <c>billing-batches</c> a message is a small batch or a claim-check
/// reference; each message of <c>billing-chunks</c> prices one bounded chunk of lines.
/// </summary>
public sealed class BillingBatchFunctions(BatchIntake intake, BatchStore batches, RoleAuthorizer authorizer)
{
    [Function(nameof(ProcessBillingBatch))]
    public Task ProcessBillingBatch([QueueTrigger(QueueNames.BillingBatches)] QueueMessage message, CancellationToken cancellationToken) =>
        intake.HandleMessageAsync(message.Body.ToString(), message.MessageId, cancellationToken);

    [Function(nameof(ProcessBillingChunk))]
    public Task ProcessBillingChunk([QueueTrigger(QueueNames.BillingChunks)] QueueMessage message, CancellationToken cancellationToken)
    {
        var chunk = JsonSerializer.Deserialize<ChunkMessage>(message.Body.ToString(), TariffsJson.Options)
            ?? throw new JsonException("An empty chunk message.");
        return intake.ProcessChunkAsync(chunk, cancellationToken);
    }

    /// <summary>
    /// Accepts a batch of up to <see cref="InputLimits.MaxBatchBytes"/> (streamed); 202 with its status URL, 400 with why
    /// it was refused, or 413 (problem details) when its Content-Length says it is larger.
    /// </summary>
    [Function(nameof(PostBillingBatch))]
    public async Task<IActionResult> PostBillingBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Operator) is { } denied)
            return denied;
        if (request.ContentLength > InputLimits.MaxBatchBytes)
            return Problem.TooLarge("A billing batch", InputLimits.MaxBatchBytes);
        var result = await intake.AcceptAsync(request.Body, cancellationToken);
        if (!result.Accepted)
            return new BadRequestObjectResult(new { error = "The billing batch was refused.", reason = result.Refusal, batchId = result.BatchId });
        var status = $"/api/batches/{Uri.EscapeDataString(result.BatchId!)}";
        return new AcceptedResult(status, new { batchId = result.BatchId, lines = result.Lines, chunks = result.Chunks, status });
    }

    /// <summary>Where a batch stands: lines received, chunks done, lines priced and rejected, adjustments written.</summary>
    [Function(nameof(GetBillingBatch))]
    public async Task<IActionResult> GetBillingBatch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{batchId}")] HttpRequest request,
        string batchId,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Operator, TariffsRoles.Regulator) is { } denied)
            return denied;
        var status = await batches.GetStatusAsync(batchId, cancellationToken);
        return status is null ? new NotFoundObjectResult(new { error = $"No batch '{batchId}'." }) : new OkObjectResult(status);
    }
}
