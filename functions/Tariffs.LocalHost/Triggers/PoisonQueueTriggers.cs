using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Poison;
using WebJobsTimerInfo = Microsoft.Azure.WebJobs.TimerInfo;

namespace Tariffs.LocalHost.Triggers;

/// <summary>The WebJobs timer that runs <see cref="PoisonQueueFunctions.SweepPoisonQueues"/>.</summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class PoisonQueueTriggers(PoisonQueueFunctions functions)
{
    /// <summary>Runs <see cref="PoisonQueueFunctions.SweepPoisonQueues"/> for one occurrence.</summary>
    [FunctionName(nameof(PoisonQueueFunctions.SweepPoisonQueues))]
    public Task SweepPoisonQueues([TimerTrigger(PoisonQueueFunctions.SweepSchedule)] WebJobsTimerInfo timer, CancellationToken cancellationToken) =>
        functions.SweepPoisonQueues(EquityReportTimerTrigger.ToIsolated(timer), cancellationToken);
}
