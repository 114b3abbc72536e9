using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Tariffs.Application.Catalog;
using Tariffs.Application.Reports;
using Tariffs.Functions.Reports;

namespace Tariffs.Functions.Dashboard;

/// <summary>
/// The public HTML dashboard of the equity report (suppressed aggregates only), in English or French, with the names
/// and take-up targets of the published catalogs.
/// </summary>
public sealed class DashboardFunctions(EquityReportQuery query, CatalogRepository catalogs, IOptions<OpenDataOptions> openData)
{
    /// <summary>
    /// Allows the page's own inline script and style and nothing else: no request leaves the page.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>The page in the language of <c>?lang=</c>, else of <c>Accept-Language</c>, else English (<see cref="DashboardLanguage"/>).</summary>
    [Function(nameof(Dashboard))]
    public async Task<IActionResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? service = request.Query["service"];
        var rows = await query.GetAsync(null, service, null, EquityReportView.Public, cancellationToken);
        var published = await catalogs.AllAsync(cancellationToken);
        var language = DashboardLanguage.Choose(request.Query["lang"], request.Headers.AcceptLanguage);
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.ContentLanguage = language;
        headers.Vary = "Accept-Language";
        return new ContentResult
        {
            Content = DashboardPage.Render(rows, published, language, service, openData.Value),
            ContentType = "text/html; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }
}
