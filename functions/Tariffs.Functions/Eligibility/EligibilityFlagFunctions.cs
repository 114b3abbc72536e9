using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Eligibility;
using Tariffs.Functions.Hosting;
using Tariffs.Storage.Queues;

using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Eligibility;

/// <summary>
/// Eligibility flags from social services, by queue or by HTTP. Over HTTP the flag is recorded at once, so
/// the caller learns straight away whether it was stored (201) or refused, with the reason (400).
/// </summary>
public sealed class EligibilityFlagFunctions(EligibilityFlagHandler handler, RoleAuthorizer authorizer)
{
    /// <summary>The most bytes of an eligibility flag or revocation over HTTP (16 KiB).</summary>
    public const int MaxFlagBytes = 16 * 1024;

    [Function(nameof(RecordEligibilityFlag))]
    public Task RecordEligibilityFlag([QueueTrigger(QueueNames.EligibilityFlags)] QueueMessage message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message.Body.ToString(), message.MessageId, cancellationToken);

    [Function(nameof(PostEligibilityFlag))]
    public async Task<IActionResult> PostEligibilityFlag(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "eligibility")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.SocialServices) is { } denied)
            return denied;
        var (body, problem) = await RequestBody.ReadAsync(request, MaxFlagBytes, "An eligibility flag", cancellationToken);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body))
            return new BadRequestObjectResult(new { error = "The body must be an eligibility flag (JSON)." });
        var refusal = await handler.HandleAsync(body, $"http-{request.HttpContext.TraceIdentifier}", cancellationToken);
        return refusal is null
            ? new ObjectResult(new { status = "stored" }) { StatusCode = StatusCodes.Status201Created }
            : new BadRequestObjectResult(new { error = "The eligibility flag was refused.", reason = refusal });
    }
}
