using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;
using Tariffs.Storage.AccessLog;

namespace Tariffs.Functions.AccessLog;

/// <summary>
/// The access log over HTTP, for regulators: the reads of household-level data and the denials of one UTC day,
/// limited to the entries of the caller's authorities and those that concern no authority.
/// </summary>
public sealed class AccessLogFunctions(AccessLogStore log, AccessAuthorizer authorizer)
{
    [Function(nameof(GetAccessLog))]
    public async Task<IActionResult> GetAccessLog(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "access-log")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        string? date = request.Query["date"];
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problem.InvalidQuery($"date: '{date}' is not a day (yyyy-MM-dd, UTC).");
        var entries = new List<object>();
        await foreach (var e in log.ReadDayAsync(day, cancellationToken))
        {
            var authorities = e.AuthorityList();
            if (AccessRules.SeesLogEntry(access.Caller, authorities))
                entries.Add(new
                {
                    at = e.At,
                    caller = e.Caller,
                    roles = e.Roles,
                    method = e.Method,
                    route = e.Route,
                    @object = e.Object,
                    outcome = e.Outcome,
                    status = e.Status,
                    reason = e.Reason.Length == 0 ? null : e.Reason,
                    authorities,
                });
        }
        return new OkObjectResult(entries);
    }
}
