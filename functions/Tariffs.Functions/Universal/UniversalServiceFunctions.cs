using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Households;
using Tariffs.Application.Json;
using Tariffs.Application.Contracts;
using Tariffs.Application.Universal;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Universal;

/// <summary>
/// Universal-service rules over HTTP: the authority publishes restriction rules and guaranteed-standards
/// schemes; operators ask whether a restriction is allowed and what an incident's compensation is.
/// </summary>
public sealed class UniversalServiceFunctions(
    UniversalServiceDocuments documents,
    RestrictionChecker restrictions,
    IncidentCompensator compensator,
    HouseholdLocator locator,
    AccessAuthorizer authorizer)
{

    [Function(nameof(PublishRestrictionRules))]
    public async Task<IActionResult> PublishRestrictionRules(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "restrictions/rules")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        var (text, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "A restriction rules document", cancellationToken);
        if (problem is not null)
            return problem;
        var body = text!;
        if (await ForbiddenJurisdictionAsync(request, access.Caller, body, "jurisdiction", cancellationToken) is { } forbidden)
            return forbidden;
        return Published(await documents.PublishRestrictionsAsync(body, cancellationToken), "restriction rules");
    }

    [Function(nameof(PublishStandardsScheme))]
    public async Task<IActionResult> PublishStandardsScheme(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "standards")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        var (text, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "A guaranteed-standards scheme", cancellationToken);
        if (problem is not null)
            return problem;
        var body = text!;
        if (await ForbiddenJurisdictionAsync(request, access.Caller, body, "scheme", cancellationToken) is { } forbidden)
            return forbidden;
        return Published(await documents.PublishStandardsAsync(body, cancellationToken), "guaranteed-standards scheme");
    }

    /// <summary>Whether the operator may disconnect or restrict a household's supply on a date, with the deciding rule.</summary>
    [Function(nameof(CheckRestriction))]
    public async Task<IActionResult> CheckRestriction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "restrictions/check")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Operator, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        var (text, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "A restriction request", cancellationToken);
        if (problem is not null)
            return problem;
        var body = text!;
        if (await ForbiddenHouseholdAsync(request, access.Caller, body, "jurisdiction", cancellationToken) is { } forbidden)
            return forbidden;
        var (decision, errors) = await restrictions.CheckAsync(body, cancellationToken);
        return decision is null
            ? Problem.Validation("The restriction request cannot be answered.", errors)
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
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Operator, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        var (text, problem) = await RequestBody.ReadAsync(request, InputLimits.MaxSmallBodyBytes, "An incident", cancellationToken);
        if (problem is not null)
            return problem;
        var body = text!;
        if (await ForbiddenHouseholdAsync(request, access.Caller, body, "scheme", cancellationToken) is { } forbidden)
            return forbidden;
        var (decision, errors) = await compensator.CompensateAsync(body, cancellationToken);
        return decision is null
            ? Problem.Validation("The incident cannot be assessed.", errors)
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

    /// <summary>
    /// The 403 for a jurisdiction-level document (restriction rules: its <c>jurisdiction</c>; a standards scheme: its
    /// <c>scheme</c> id) the caller does not regulate; null when it does, or when the field does not read (validation answers).
    /// </summary>
    private async Task<IActionResult?> ForbiddenJurisdictionAsync(HttpRequest request, Caller caller, string body, string field, CancellationToken cancellationToken) =>
        TopLevelFields.Read(body, field) is [{ } jurisdiction]
        && AccessRules.PublishForJurisdiction(caller, jurisdiction) is { Allowed: false } decision
            ? await authorizer.ForbidAsync(request, caller, $"{field} {jurisdiction}", decision.Reason, [], cancellationToken)
            : null;

    /// <summary>
    /// The 403 (logged) for a request about a household the caller may not act on (<see cref="AccessRules.ActOnHousehold"/>);
    /// null when it may — the read of the household's facts is then logged — or when the body names no household
    /// (validation answers; an area incident concerns no household).
    /// </summary>
    private async Task<IActionResult?> ForbiddenHouseholdAsync(HttpRequest request, Caller caller, string body, string jurisdictionField, CancellationToken cancellationToken)
    {
        if (TopLevelFields.Read(body, "householdId", jurisdictionField) is not [{ } householdId, var jurisdiction])
            return null;
        var billedBy = await locator.BilledByAsync(householdId, cancellationToken);
        var target = $"household {householdId}";
        var authorities = billedBy.Select(b => b.Authority);
        var decision = AccessRules.ActOnHousehold(caller, billedBy, jurisdiction);
        if (!decision.Allowed)
            return await authorizer.ForbidAsync(request, caller, target, decision.Reason, authorities, cancellationToken);
        await authorizer.RecordReadAsync(request, caller, target, authorities, cancellationToken);
        return null;
    }

    private static IActionResult Published(IReadOnlyList<string> errors, string what) => errors.Count == 0
        ? new OkObjectResult(new { status = "published" })
        : Problem.Validation($"The {what} document is invalid.", errors);
}
