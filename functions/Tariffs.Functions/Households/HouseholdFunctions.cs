using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Households;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Households;

/// <summary>Why a household got each adjustment, and its eligibility (household-level data: authorised roles only, never public).</summary>
public sealed class HouseholdFunctions(HouseholdExplainer explainer, EligibilityExplainer eligibility, AccessAuthorizer authorizer)
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

    /// <summary>
    /// The household's eligibility by program: agency flags and revocations, periods determined from its facts (why,
    /// with the criterion, facts values and legal references), whether an agency decision overrides, and its facts.
    /// Social services see it when one of their agencies sent flags, revocations or facts for it; a regulator sees the
    /// programs of the authorities it regulates. Nothing visible: the 404 of an unknown household.
    /// </summary>
    [Function(nameof(ExplainHouseholdEligibility))]
    public async Task<IActionResult> ExplainHouseholdEligibility(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "households/{householdId}/eligibility")] HttpRequest request,
        string householdId,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator, TariffsRoles.SocialServices);
        if (!access.Granted)
            return access.Denial;
        var caller = access.Caller;
        householdId = RawRouteValue.Segment(request, 2, householdId);
        var (explanation, agencies) = await eligibility.ExplainAsync(householdId, cancellationToken);
        var notFound = Problem.NotFound($"Nothing is known of the eligibility of household '{householdId}'.");
        if (explanation.Programs.Count == 0 && explanation.Facts.Count == 0)
            return notFound;
        var agencyCaller = caller.Roles.Contains(TariffsRoles.SocialServices) && agencies.Any(caller.SpeaksForAgency);
        var visible = agencyCaller ? explanation.Programs : [.. explanation.Programs.Where(p => caller.RegulatesAuthority(p.Authority))];
        var target = $"household {householdId}";
        if (!agencyCaller && visible.Count == 0)
            return await authorizer.HideAsync(request, caller, target,
                "no agency of this caller sent flags, revocations or facts for the household, and none of its programs is under an authority this caller regulates",
                explanation.Programs.Select(p => p.Authority), notFound, cancellationToken);
        await authorizer.RecordReadAsync(request, caller, target, visible.Select(p => p.Authority), cancellationToken);
        return new OkObjectResult(explanation with { Programs = visible });
    }
}
