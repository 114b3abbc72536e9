using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Reports;

namespace Tariffs.Functions.Reports;

/// <summary>Computes equity reports on a schedule and on demand, and publishes them over HTTP.</summary>
public sealed class EquityReportFunctions(EquityReportCalculator calculator, EquityReportQuery query)
{
    /// <summary>Name of the app setting holding the NCRONTAB schedule (UTC) of the report computation.</summary>
    public const string ScheduleSetting = "EquityReportSchedule";

    [Function(nameof(ComputeEquityReports))]
    public Task ComputeEquityReports([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        calculator.RecomputeAsync(cancellationToken);

    [Function(nameof(RecomputeEquityReports))]
    public async Task<IActionResult> RecomputeEquityReports(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/equity/recompute")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var cells = await calculator.RecomputeAsync(cancellationToken);
        return new OkObjectResult(new { cells = cells.Count });
    }

    /// <summary>Public, suppressed equity report cells; filters: period (a year), service, area.</summary>
    [Function(nameof(GetEquityReport))]
    public async Task<IActionResult> GetEquityReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/equity")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var rows = await query.GetAsync(request.Query["period"], request.Query["service"], request.Query["area"], cancellationToken);
        return new OkObjectResult(rows);
    }
}
