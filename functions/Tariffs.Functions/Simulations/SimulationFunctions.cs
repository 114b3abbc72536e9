using System.Globalization;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Simulations;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Catalog;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Simulations;

/// <summary>
/// Reform simulation on the stored bills, for the regulator of the simulated authority: a draft catalog is queued
/// (<see cref="SimulationRunner"/>), its progress and stored result read back (or why it failed), and the
/// household-level diff paged. Nothing is written to the ledger.
/// </summary>
public sealed class SimulationFunctions(SimulationRunner runner, MessageGuard guard, AccessAuthorizer authorizer)
{
    /// <summary>Most households of the diff in one page.</summary>
    public const int MaxPageSize = 1_000;

    /// <summary>202 with Location <c>/api/simulations/{id}</c>; 400 with every fault of the request or its draft.</summary>
    [Function(nameof(StartSimulation))]
    public async Task<IActionResult> StartSimulation(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "simulations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        var (body, problem) = await RequestBody.ReadAsync(request, CatalogFunctions.MaxDocumentBytes, "A simulation request", cancellationToken);
        if (problem is not null)
            return problem;
        if (TopLevelFields.Read(body!, "authority") is [{ } authority]
            && AccessRules.PublishForAuthority(access.Caller, authority) is { Allowed: false } decision)
            return await authorizer.ForbidAsync(request, access.Caller, $"simulation of {authority}", decision.Reason, [authority], cancellationToken);
        var (id, errors) = await runner.StartAsync(body!, cancellationToken);
        if (id is null)
            return Problem.Validation("The simulation request is invalid.", errors);
        var location = $"/api/simulations/{id}";
        return new AcceptedResult(location, new { id, state = SimulationState.Queued, location });
    }

    /// <summary>The simulation's state, progress and, once completed, its cells; 404 for an unknown id or another authority's.</summary>
    [Function(nameof(GetSimulation))]
    public async Task<IActionResult> GetSimulation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "simulations/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (_, status, denial) = await FindAsync(request, id, cancellationToken);
        return denial ?? new OkObjectResult(status);
    }

    /// <summary>
    /// The household-level diff of a completed simulation, <c>?limit=</c> households (1–1,000, default 100) a page from
    /// <c>?continuation=</c>; 404 when unknown, another authority's or not completed.
    /// </summary>
    [Function(nameof(GetSimulationHouseholds))]
    public async Task<IActionResult> GetSimulationHouseholds(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "simulations/{id}/households")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, status, denial) = await FindAsync(request, id, cancellationToken);
        if (denial is not null)
            return denial;
        var limit = 100;
        if (request.Query["limit"] is { Count: > 0 } limitText
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
            return Problem.InvalidQuery($"limit: '{limitText}' is not a whole number from 1 to {MaxPageSize}.");
        var offset = 0;
        if (request.Query["continuation"] is { Count: > 0 } token
            && (Continuation.Decode(token.ToString()) is not { } key || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
            return Problem.InvalidQuery("continuation: not a token this route gave.");
        if (await runner.HouseholdsAsync(id, offset, limit, cancellationToken) is not { } page)
            return Problem.NotFound($"Simulation '{id}' is not completed: its household-level diff is not there yet.");
        await authorizer.RecordReadAsync(request, caller!, $"simulation {id} households", [status!.Authority], cancellationToken);
        return new OkObjectResult(new
        {
            households = page.Page.Select(h => new
            {
                period = h.Period,
                area = h.Area,
                householdId = h.HouseholdId,
                netNow = h.NetNow,
                netDraft = h.NetDraft,
                change = h.Change,
                socialNow = h.SocialNow,
                socialDraft = h.SocialDraft,
            }),
            continuation = page.More ? Continuation.Encode((offset + limit).ToString(CultureInfo.InvariantCulture)) : null,
        });
    }

    /// <summary>The caller and the simulation, or the answer instead: 401/403 for a caller who is not a regulator, 404 for an unknown id or another authority's.</summary>
    private async Task<(Caller? Caller, SimulationStatus? Status, IActionResult? Denial)> FindAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return (null, null, access.Denial);
        var status = await runner.StatusAsync(id, cancellationToken);
        return status is null || !access.Caller.RegulatesAuthority(status.Authority)
            ? (access.Caller, null, Problem.NotFound($"No simulation '{id}'."))
            : (access.Caller, status, null);
    }

    /// <summary>
    /// Counts a simulation's lines and fans it out, or runs one of its chunks (queue <c>simulations</c>); on the message's
    /// last delivery a failure marks the simulation failed (<see cref="SimulationRunner.HandleMessageAsync"/>).
    /// </summary>
    [Function(nameof(RunSimulation))]
    public Task RunSimulation([QueueTrigger(QueueNames.Simulations)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.Simulations, message.MessageId, body, () => runner.HandleMessageAsync(body, message.DequeueCount, cancellationToken), cancellationToken);
    }
}
