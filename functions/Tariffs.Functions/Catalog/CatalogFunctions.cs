using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Catalog;
using Tariffs.Application.Json;
using Tariffs.Functions.Hosting;

using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Catalog;

/// <summary>
/// Publication of tariff catalogs by authorities: a document is validated before it is stored; only a regulator of
/// the document's <c>authority</c> publishes it.
/// </summary>
public sealed class CatalogFunctions(CatalogRepository catalogs, AccessAuthorizer authorizer)
{
    /// <summary>The most bytes of a catalog document (4 MiB).</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    [Function(nameof(PublishCatalog))]
    public async Task<IActionResult> PublishCatalog(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "catalog")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        var (body, problem) = await RequestBody.ReadAsync(request, MaxDocumentBytes, "A catalog document", cancellationToken);
        if (problem is not null)
            return problem;
        // A document without a readable authority is left to validation (400).
        if (TopLevelFields.Read(body!, "authority") is [{ } authority]
            && AccessRules.PublishForAuthority(access.Caller, authority) is { Allowed: false } decision)
            return await authorizer.ForbidAsync(request, access.Caller, $"catalog of {authority}", decision.Reason, [authority], cancellationToken);
        var result = await catalogs.PublishAsync(body!, cancellationToken);
        if (result.Catalog is not { } catalog)
            return Problem.Validation("The catalog document is invalid.", result.Errors);
        return new OkObjectResult(new
        {
            authority = catalog.Authority,
            service = catalog.Service,
            tariffs = catalog.Tariffs.Keys.Order(StringComparer.Ordinal),
            programs = catalog.Programs.Select(p => p.Id),
        });
    }
}
