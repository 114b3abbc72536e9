using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Reports;

namespace Tariffs.Functions.Dashboard;

/// <summary>The public HTML dashboard of the equity report (suppressed aggregates only).</summary>
public sealed class DashboardFunctions(EquityReportQuery query)
{
    /// <summary>
    /// Allows the page's own inline script and style and nothing else: no request leaves the page.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    [Function(nameof(Dashboard))]
    public async Task<IActionResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var rows = await query.GetAsync(null, request.Query["service"], null, EquityReportView.Public, cancellationToken);
        request.HttpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return new ContentResult { Content = DashboardPage.Render(rows), ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }
}
