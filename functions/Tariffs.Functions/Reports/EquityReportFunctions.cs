using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Tariffs.Functions.Reports;

/// <summary>Computes equity reports on a schedule and serves them over HTTP.</summary>
public sealed class EquityReportFunctions(ILogger<EquityReportFunctions> logger)
{
    /// <summary>Name of the app setting holding the NCRONTAB schedule (UTC) of the report computation.</summary>
    public const string ScheduleSetting = "EquityReportSchedule";

    [Function(nameof(ComputeEquityReports))]
    public Task ComputeEquityReports([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        logger.LogInformation("Computing equity reports (past due: {IsPastDue})", timer.IsPastDue);
        return Task.CompletedTask;
    }

    [Function(nameof(GetEquityReport))]
    public Task<IActionResult> GetEquityReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/equity")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        return Task.FromResult<IActionResult>(new OkObjectResult(Array.Empty<object>()));
    }
}
