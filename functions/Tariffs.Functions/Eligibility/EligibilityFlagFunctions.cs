using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Messages;
using Tariffs.Functions.Hosting;

using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Eligibility;

/// <summary>
/// Eligibility flags from social services, by queue or by HTTP. Over HTTP the flag is recorded at once, so
/// the caller learns straight away whether it was stored (201, also for the same flag again) or refused, with the
/// reason (400; 409 problem details when its id holds a flag or revocation with other content).
/// </summary>
public sealed class EligibilityFlagFunctions(EligibilityFlagHandler handler, MessageGuard guard, AccessAuthorizer authorizer)
{
    /// <summary>The most bytes of an eligibility flag or revocation over HTTP (16 KiB).</summary>
    public const int MaxFlagBytes = 16 * 1024;

    [Function(nameof(RecordEligibilityFlag))]
    public Task RecordEligibilityFlag([QueueTrigger(QueueNames.EligibilityFlags)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.EligibilityFlags, message.MessageId, body, () => handler.HandleAsync(body, message.MessageId, cancellationToken), cancellationToken);
    }

    [Function(nameof(PostEligibilityFlag))]
    public async Task<IActionResult> PostEligibilityFlag(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "eligibility")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.SocialServices);
        if (!access.Granted)
            return access.Denial;
        var (text, problem) = await RequestBody.ReadAsync(request, MaxFlagBytes, "An eligibility flag", cancellationToken);
        if (problem is not null)
            return problem;
        var body = text!;
        if (string.IsNullOrWhiteSpace(body))
            return Problem.Validation("The body must be an eligibility flag (JSON).", ["$: not a JSON object"]);
        // A body without a readable sourceAgency is left to the handler, which refuses it (400: the agency is required)
        // and stores why; it is never stored, so it decides nothing for anyone.
        if (EligibilityDecider.Read(body) is { SourceAgency: not null } decider
            && AccessRules.PostEligibility(access.Caller, decider.SourceAgency, decider.Program) is { Allowed: false } decision)
            return await authorizer.ForbidAsync(request, access.Caller, $"household {decider.HouseholdId}", decision.Reason, [], cancellationToken);
        var outcome = await handler.RecordAsync(body, $"http-{request.HttpContext.TraceIdentifier}", cancellationToken);
        if (outcome.Conflict)
            return Problem.Conflict("The id is taken by a flag or revocation with other content.", outcome.Refusal!);
        return outcome.Refusal is null
            ? new ObjectResult(new { status = "stored" }) { StatusCode = StatusCodes.Status201Created }
            : Problem.Validation("The eligibility flag was refused.", Problem.Faults(outcome.Refusal), new Dictionary<string, object?> { ["reason"] = outcome.Refusal });
    }
}
