using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Reports;
using IsolatedScheduleStatus = Microsoft.Azure.Functions.Worker.ScheduleStatus;
using IsolatedTimerInfo = Microsoft.Azure.Functions.Worker.TimerInfo;
using WebJobsTimerInfo = Microsoft.Azure.WebJobs.TimerInfo;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs timer trigger on the <see cref="EquityReportFunctions.ScheduleSetting"/> schedule (NCRONTAB, UTC) that
/// forwards each occurrence to <see cref="EquityReportFunctions.ComputeEquityReports"/>. The WebJobs SDK runs it as a
/// singleton across hosts sharing <c>AzureWebJobsStorage</c> (a blob lease).
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class EquityReportTimerTrigger(EquityReportFunctions functions)
{
    /// <summary>Runs <see cref="EquityReportFunctions.ComputeEquityReports"/> for one occurrence.</summary>
    [FunctionName(nameof(EquityReportFunctions.ComputeEquityReports))]
    public Task ComputeEquityReports(
        [TimerTrigger("%" + EquityReportFunctions.ScheduleSetting + "%")] WebJobsTimerInfo timer,
        CancellationToken cancellationToken)
        => functions.ComputeEquityReports(ToIsolated(timer), cancellationToken);

    /// <summary>Copies the WebJobs timer information into the isolated worker's type.</summary>
    internal static IsolatedTimerInfo ToIsolated(WebJobsTimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return new IsolatedTimerInfo
        {
            IsPastDue = timer.IsPastDue,
            ScheduleStatus = timer.ScheduleStatus is { } status
                ? new IsolatedScheduleStatus { Last = status.Last, Next = status.Next, LastUpdated = status.LastUpdated }
                : null,
        };
    }
}
