using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Output;
using WebJobsTimerInfo = Microsoft.Azure.WebJobs.TimerInfo;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs timer trigger on <see cref="OutboxFunctions.Schedule"/> that forwards each occurrence to
/// <see cref="OutboxFunctions.SendPendingPublications"/> (a singleton across hosts).
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class OutboxTimerTrigger(OutboxFunctions functions)
{
    /// <summary>Runs <see cref="OutboxFunctions.SendPendingPublications"/> for one occurrence.</summary>
    [FunctionName(nameof(OutboxFunctions.SendPendingPublications))]
    public Task SendPendingPublications([TimerTrigger(OutboxFunctions.Schedule)] WebJobsTimerInfo timer, CancellationToken cancellationToken)
        => functions.SendPendingPublications(EquityReportTimerTrigger.ToIsolated(timer), cancellationToken);
}
