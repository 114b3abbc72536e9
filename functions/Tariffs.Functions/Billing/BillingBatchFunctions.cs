using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Contracts;
using Tariffs.Application.Intake;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Queues;

namespace Tariffs.Functions.Billing;

/// <summary>
/// Billing batches from operators. Over HTTP a batch of any size is streamed into blob storage and fanned
/// out into chunk messages; on the queue <c>billing-batches</c> a message is a small batch or a claim-check
/// reference; each message of <c>billing-chunks</c> prices one bounded chunk of lines.
/// </summary>
/// <remarks>
/// A message that cannot be read is stored as a rejection on its first delivery (<see cref="MessageGuard"/>). A chunk
/// that fails for good, or still fails on its last delivery, is recorded as a failed chunk (its lines rejected "not
/// processed"), so that its batch ends <c>completedWithFailures</c> instead of staying <c>processing</c>.
/// </remarks>
public sealed class BillingBatchFunctions(BatchIntake intake, BatchStore batches, IRejections rejections, MessageGuard guard, AccessAuthorizer authorizer)
{
    /// <summary>The JSON of a status, as ASP.NET Core writes an object result (web defaults).</summary>
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>Rejections per page of <see cref="GetBillingBatchRejections"/> unless the caller asks fewer.</summary>
    public const int RejectionsPerPage = 100;

    /// <summary>Most rejections a page of <see cref="GetBillingBatchRejections"/> may hold.</summary>
    public const int MaxRejectionsPerPage = 1000;

    [Function(nameof(ProcessBillingBatch))]
    public Task ProcessBillingBatch([QueueTrigger(QueueNames.BillingBatches)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.BillingBatches, message.MessageId, body, () => intake.HandleMessageAsync(body, message.MessageId, message.DequeueCount, cancellationToken), cancellationToken);
    }

    [Function(nameof(ProcessBillingChunk))]
    public Task ProcessBillingChunk([QueueTrigger(QueueNames.BillingChunks)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.BillingChunks, message.MessageId, body, () => intake.HandleChunkMessageAsync(body, message.DequeueCount, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Accepts a batch of up to <see cref="InputLimits.MaxBatchBytes"/> (streamed); 202 with its status URL (a resend of
    /// the same document: 202 with where the batch stands, nothing done again), 400 with why it was refused, 403 when its
    /// <c>operator</c> is not one the caller acts for (refused before anything is queued), 409 (problem details) when its
    /// id names a batch with other content, or 413 (problem details) when its Content-Length says it is too large.
    /// </summary>
    [Function(nameof(PostBillingBatch))]
    public async Task<IActionResult> PostBillingBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Operator);
        if (!access.Granted)
            return access.Denial;
        if (request.ContentLength > InputLimits.MaxBatchBytes)
            return Problem.TooLarge("A billing batch", InputLimits.MaxBatchBytes);
        var caller = access.Caller;
        var result = await intake.AcceptAsync(request.Body, op => AccessRules.PostBatch(caller, op).Allowed, cancellationToken);
        if (result.ForbiddenOperator is { } forbidden)
            return await authorizer.ForbidAsync(request, caller, $"batch {result.BatchId}", AccessRules.PostBatch(caller, forbidden).Reason, [], cancellationToken);
        if (result.Conflict)
            return Problem.Conflict("The batch id is taken by a batch with other content.", result.Refusal!);
        if (!result.Accepted)
            return Problem.Validation("The billing batch was refused.", Problem.Faults(result.Refusal), new Dictionary<string, object?> { ["reason"] = result.Refusal, ["batchId"] = result.BatchId });
        var status = $"/api/batches/{Uri.EscapeDataString(result.BatchId!)}";
        if (result.Duplicate)
            return new AcceptedResult(status, new { batchId = result.BatchId, lines = result.Lines, chunks = result.Chunks, status, duplicate = true,
                current = await batches.GetStatusAsync(result.BatchId!, cancellationToken) is { } current ? StatusView(current) : null });
        return new AcceptedResult(status, new { batchId = result.BatchId, lines = result.Lines, chunks = result.Chunks, status });
    }

    /// <summary>
    /// Where a batch stands: lines received, chunks done, lines priced and rejected, adjustments written. For its
    /// operator and its authority's regulator; anyone else gets the 404 of a batch that does not exist.
    /// </summary>
    [Function(nameof(GetBillingBatch))]
    public async Task<IActionResult> GetBillingBatch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{batchId}")] HttpRequest request,
        string batchId,
        CancellationToken cancellationToken)
    {
        batchId = RawRouteValue.Segment(request, 1, batchId);
        var (status, caller, denial) = await ReadableBatchAsync(request, batchId, $"batch {batchId}", cancellationToken);
        if (status is null)
            return denial!;
        await authorizer.RecordReadAsync(request, caller!, $"batch {batchId}", [status.Authority], cancellationToken);
        return new OkObjectResult(StatusView(status));
    }

    /// <summary>A batch's status as the routes show it: its fields and the URL of its rejections.</summary>
    private static JsonObject StatusView(BatchStatus status)
    {
        var view = JsonSerializer.SerializeToNode(status, WebJson)!.AsObject();
        view["rejections"] = $"/api/batches/{Uri.EscapeDataString(status.BatchId)}/rejections";
        return view;
    }

    /// <summary>
    /// Why the lines of a batch were refused, a page at a time (<c>limit</c> 1 to 1,000, default 100; <c>continuation</c>
    /// from the previous page), in line order: each rejection as a <see cref="BatchRejectionView"/>. For the batch's
    /// operator and its authority's regulator; anyone else gets the 404 of a batch that does not exist.
    /// </summary>
    [Function(nameof(GetBillingBatchRejections))]
    public async Task<IActionResult> GetBillingBatchRejections(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{batchId}/rejections")] HttpRequest request,
        string batchId,
        CancellationToken cancellationToken)
    {
        batchId = RawRouteValue.Segment(request, 2, batchId);
        var target = $"rejections of batch {batchId}";
        var (status, caller, denial) = await ReadableBatchAsync(request, batchId, target, cancellationToken);
        if (status is null)
            return denial!;

        string? limitText = request.Query["limit"];
        var limit = RejectionsPerPage;
        if (limitText is not null && (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxRejectionsPerPage))
            return Problem.InvalidQuery($"limit: '{limitText}' is not a whole number from 1 to {MaxRejectionsPerPage}.");
        string? continuation = request.Query["continuation"];
        string? after = null;
        if (continuation is not null && (after = Continuation.Decode(continuation)) is null)
            return Problem.InvalidQuery("continuation: not one this route gave (pass the previous page's continuation as it is).");

        await authorizer.RecordReadAsync(request, caller!, target, [status.Authority], cancellationToken);
        var page = await rejections.PageAsync(batchId, after, limit, cancellationToken);
        var next = page.Next is null ? null : Continuation.Encode(page.Next);
        return new OkObjectResult(new
        {
            batchId,
            rejections = page.Items.Select(BatchRejectionView.Of),
            continuation = next,
            next = next is null ? null : $"/api/batches/{Uri.EscapeDataString(batchId)}/rejections?limit={limit}&continuation={next}",
        });
    }

    /// <summary>
    /// The batch's status when the caller may read it (its operator, its authority's regulator), else the answer: the
    /// caller's denial, or the 404 of a batch that does not exist (also for one the caller may not read, logged).
    /// </summary>
    private async Task<(BatchStatus? Status, Caller? Caller, IActionResult? Denial)> ReadableBatchAsync(HttpRequest request, string batchId, string target,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Operator, TariffsRoles.Regulator);
        if (!access.Granted)
            return (null, null, access.Denial);
        var status = await batches.GetStatusAsync(batchId, cancellationToken);
        var notFound = Problem.NotFound($"No batch '{batchId}'.");
        if (status is null)
            return (null, null, notFound);
        var decision = AccessRules.ReadBatch(access.Caller, status.Operator, status.Authority);
        return decision.Allowed
            ? (status, access.Caller, null)
            : (null, null, await authorizer.HideAsync(request, access.Caller, target, decision.Reason, [status.Authority], notFound, cancellationToken));
    }
}
