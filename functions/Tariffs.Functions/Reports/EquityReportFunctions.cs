using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Reports;
using Tariffs.Domain.Reports;
using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Reports;

/// <summary>Computes equity reports on a schedule and on demand, and publishes them over HTTP as JSON or CSV.</summary>
public sealed class EquityReportFunctions(EquityReportCalculator calculator, EquityReportQuery query, RoleAuthorizer authorizer)
{
    /// <summary>Name of the app setting holding the NCRONTAB schedule (UTC) of the report computation.</summary>
    public const string ScheduleSetting = "EquityReportSchedule";

    /// <summary>Recomputes every period on the schedule (periods end in the authority's time zone; see <see cref="EquityReportCalculator"/>).</summary>
    [Function(nameof(ComputeEquityReports))]
    public Task ComputeEquityReports([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        calculator.RecomputeAsync(cancellationToken);

    /// <summary>Recomputes the report now; regulator or operator.</summary>
    [Function(nameof(RecomputeEquityReports))]
    public async Task<IActionResult> RecomputeEquityReports(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/equity/recompute")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (authorizer.Deny(request, TariffsRoles.Regulator, TariffsRoles.Operator) is { } denied)
            return denied;
        var cells = await calculator.RecomputeAsync(cancellationToken);
        return new OkObjectResult(new { cells = cells.Count });
    }

    /// <summary>Public equity report: the cells of closed periods, released once and frozen, suppressed; filters: period, service, area; JSON or CSV (<c>?format=csv</c> or <c>Accept: text/csv</c>).</summary>
    [Function(nameof(GetEquityReport))]
    public Task<IActionResult> GetEquityReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/equity")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ReportAsync(request, EquityReportView.Public, cancellationToken);

    /// <summary>Every figure of the latest recompute (running periods and late rows included), with the reason of each suppression; regulator only.</summary>
    [Function(nameof(GetUnsuppressedEquityReport))]
    public Task<IActionResult> GetUnsuppressedEquityReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/equity/unsuppressed")] HttpRequest request,
        CancellationToken cancellationToken) =>
        authorizer.Deny(request, TariffsRoles.Regulator) is { } denied
            ? Task.FromResult(denied)
            : ReportAsync(request, EquityReportView.Unsuppressed, cancellationToken);

    private async Task<IActionResult> ReportAsync(HttpRequest request, EquityReportView view, CancellationToken cancellationToken)
    {
        string? period = request.Query["period"];
        if (period is not null && !ReportPeriod.TryParse(period, out _))
            return new BadRequestObjectResult(new { error = $"period: '{period}' is not a year (2022), a quarter (2022-Q1) or a month (2022-01)." });
        var csv = ReportFormat.WantsCsv(request, out var formatError);
        if (formatError is not null)
            return new BadRequestObjectResult(new { error = formatError });
        var rows = await query.GetAsync(period, request.Query["service"], request.Query["area"], view, cancellationToken);
        if (!csv)
            return new OkObjectResult(rows);
        request.HttpContext.Response.Headers.ContentDisposition = "inline; filename=\"equity-report.csv\"";
        return new ContentResult { Content = EquityReportCsv.Write(rows), ContentType = EquityReportCsv.ContentType, StatusCode = StatusCodes.Status200OK };
    }
}
