using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Households;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Households;

/// <summary>Why a household got each adjustment (household-level data: authorised roles only, never public).</summary>
public sealed class HouseholdFunctions(HouseholdExplainer explainer, AccessAuthorizer authorizer)
{
    /// <summary>
    /// The lines of the household the caller may see (<see cref="AccessRules.SeesLine"/>): its operators' lines, its
    /// authorities' lines, or every line for an agency that decided on it. None: the 404 of an unknown household.
    /// </summary>
    [Function(nameof(ExplainHousehold))]
    public async Task<IActionResult> ExplainHousehold(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "households/{householdId}/explanation")] HttpRequest request,
        string householdId,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator, TariffsRoles.Operator, TariffsRoles.SocialServices);
        if (!access.Granted)
            return access.Denial;
        var caller = access.Caller;
        householdId = RawRouteValue.Segment(request, 2, householdId);
        var explanation = await explainer.ExplainAsync(householdId, cancellationToken);
        var notFound = Problem.NotFound($"No billed line for household '{householdId}'.");
        if (explanation.Lines.Count == 0)
            return notFound;
        var agencies = caller.Roles.Contains(TariffsRoles.SocialServices)
            ? await explainer.DecidingAgenciesAsync(householdId, cancellationToken)
            : new HashSet<string>();
        var visible = explanation.Lines.Where(l => AccessRules.SeesLine(caller, l.Operator, l.Authority, agencies)).ToList();
        var target = $"household {householdId}";
        if (visible.Count == 0)
            return await authorizer.HideAsync(request, caller, target,
                "no line of the household is billed by an operator, or under an authority, in this caller's scope, and no agency of this caller decided on it",
                explanation.Lines.Select(l => l.Authority), notFound, cancellationToken);
        await authorizer.RecordReadAsync(request, caller, target, visible.Select(l => l.Authority), cancellationToken);
        return new OkObjectResult(explanation with { Lines = visible });
    }
}
