using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Contracts;
using Tariffs.Application.Universal;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Universal;

/// <summary>
/// Universal-service rules over HTTP: the authority publishes restriction rules and guaranteed-standards
/// schemes; operators ask whether a restriction is allowed and what an incident's compensation is.
/// </summary>
public sealed class UniversalServiceFunctions(UniversalServiceDocuments documents, RestrictionChecker restrictions, IncidentCompensator compensator, RoleAuthorizer authorizer)
{

    [Function(nameof(PublishRestrictionRules))]
    public async Task<IActionResult> PublishRestrictionRules(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "restrictions/rules")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Regulator) is { } denied)
            return denied;
        var (body, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "A restriction rules document", cancellationToken);
        return problem ?? Published(await documents.PublishRestrictionsAsync(body!, cancellationToken), "restriction rules");
    }

    [Function(nameof(PublishStandardsScheme))]
    public async Task<IActionResult> PublishStandardsScheme(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "standards")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Regulator) is { } denied)
            return denied;
        var (body, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "A guaranteed-standards scheme", cancellationToken);
        return problem ?? Published(await documents.PublishStandardsAsync(body!, cancellationToken), "guaranteed-standards scheme");
    }

    /// <summary>Whether the operator may disconnect or restrict a household's supply on a date, with the deciding rule.</summary>
    [Function(nameof(CheckRestriction))]
    public async Task<IActionResult> CheckRestriction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "restrictions/check")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Operator, TariffsRoles.Regulator) is { } denied)
            return denied;
        var (body, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "A restriction request", cancellationToken);
        if (problem is not null)
            return problem;
        var (decision, errors) = await restrictions.CheckAsync(body!, cancellationToken);
        return decision is null
            ? new BadRequestObjectResult(new { error = "The restriction request cannot be answered.", problems = errors })
            : new OkObjectResult(new
            {
                verdict = decision.Verdict,
                limit = decision.Limit,
                ruleId = decision.RuleId,
                ruleVersion = decision.RuleVersion,
                legalReference = decision.Legal.Citation,
                reason = decision.Reason,
            });
    }

    /// <summary>The automatic compensation owed for a service incident under a guaranteed-standards scheme.</summary>
    [Function(nameof(CompensateIncident))]
    public async Task<IActionResult> CompensateIncident(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "incidents/compensation")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Operator, TariffsRoles.Regulator) is { } denied)
            return denied;
        var (body, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "An incident", cancellationToken);
        if (problem is not null)
            return problem;
        var (decision, errors) = await compensator.CompensateAsync(body!, cancellationToken);
        return decision is null
            ? new BadRequestObjectResult(new { error = "The incident cannot be assessed.", problems = errors })
            : new OkObjectResult(new
            {
                incidentId = decision.Incident.IncidentId,
                amount = decision.Amount,
                currency = decision.Currency.Code,
                scheme = decision.SchemeId,
                schemeVersion = decision.SchemeVersion,
                legalReference = decision.Legal.Citation,
                terms = decision.Terms.Select(t => t.ToString()),
            });
    }

    private static IActionResult Published(IReadOnlyList<string> errors, string what) => errors.Count == 0
        ? new OkObjectResult(new { status = "published" })
        : new BadRequestObjectResult(new { error = $"The {what} document is invalid.", problems = errors });
}
