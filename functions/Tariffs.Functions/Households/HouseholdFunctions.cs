using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Households;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Households;

/// <summary>Why a household got each adjustment (household-level data: authorised roles only, never public).</summary>
public sealed class HouseholdFunctions(HouseholdExplainer explainer, RoleAuthorizer authorizer)
{
    [Function(nameof(ExplainHousehold))]
    public async Task<IActionResult> ExplainHousehold(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "households/{householdId}/explanation")] HttpRequest request,
        string householdId,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Regulator, TariffsRoles.Operator, TariffsRoles.SocialServices) is { } denied)
            return denied;
        householdId = RawRouteValue.Segment(request, 2, householdId);
        var explanation = await explainer.ExplainAsync(householdId, cancellationToken);
        return explanation.Lines.Count == 0
            ? new NotFoundObjectResult(new { error = $"No billed line for household '{householdId}'." })
            : new OkObjectResult(explanation);
    }
}
