using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Eligibility;

/// <summary>
/// Household facts statements from social services, by queue (<c>household-facts</c>) or by HTTP. Over HTTP the
/// statement is checked at once — refused with the reason (400, also stored as its rejection) — and queued (202): the
/// queue function stores it (a re-sent statement changes nothing; other content under its id is stored as a conflict's
/// rejection) and queues the household's recomputation.
/// </summary>
public sealed class HouseholdFactsFunctions(HouseholdFactsHandler handler, IWorkQueues queues, MessageGuard guard, AccessAuthorizer authorizer)
{
    /// <summary>The most bytes of a facts statement over HTTP (16 KiB), as for a flag.</summary>
    public const int MaxFactsBytes = EligibilityFlagFunctions.MaxFlagBytes;

    [Function(nameof(RecordHouseholdFacts))]
    public Task RecordHouseholdFacts([QueueTrigger(QueueNames.HouseholdFacts)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.HouseholdFacts, message.MessageId, body, () => handler.HandleAsync(body, message.MessageId, cancellationToken), cancellationToken);
    }

    [Function(nameof(PostHouseholdFacts))]
    public async Task<IActionResult> PostHouseholdFacts(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "households/{householdId}/facts")] HttpRequest request,
        string householdId,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.SocialServices);
        if (!access.Granted)
            return access.Denial;
        householdId = RawRouteValue.Segment(request, 2, householdId);
        var (text, problem) = await RequestBody.ReadAsync(request, MaxFactsBytes, "A household facts statement", cancellationToken);
        if (problem is not null)
            return problem;
        var body = text!;
        if (string.IsNullOrWhiteSpace(body))
            return Problem.Validation("The body must be a household facts statement (JSON).", ["$: not a JSON object"]);
        // A body without a readable sourceAgency is left to the check, which refuses it (400: the agency is required).
        if (TopLevelFields.Read(body, "sourceAgency") is [{ } agency]
            && AccessRules.PostFacts(access.Caller, agency) is { Allowed: false } decision)
            return await authorizer.ForbidAsync(request, access.Caller, $"household {householdId}", decision.Reason, [], cancellationToken);
        if (await handler.CheckAsync(body, householdId, $"http-{request.HttpContext.TraceIdentifier}", cancellationToken) is { } refusal)
            return Problem.Validation("The household facts statement was refused.", Problem.Faults(refusal), new Dictionary<string, object?> { ["reason"] = refusal });
        await queues.SendAsync(QueueNames.HouseholdFacts, body, null, cancellationToken);
        return new ObjectResult(new { status = "queued", householdId }) { StatusCode = StatusCodes.Status202Accepted };
    }
}
