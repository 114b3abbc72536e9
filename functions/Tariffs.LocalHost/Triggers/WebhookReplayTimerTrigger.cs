using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Output;
using WebJobsTimerInfo = Microsoft.Azure.WebJobs.TimerInfo;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs timer trigger on the <see cref="WebhookFunctions.ReplayScheduleSetting"/> schedule that forwards each
/// occurrence to <see cref="WebhookFunctions.ReplayWebhookDeliveries"/> (a singleton across hosts).
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class WebhookReplayTimerTrigger(WebhookFunctions functions)
{
    /// <summary>Runs <see cref="WebhookFunctions.ReplayWebhookDeliveries"/> for one occurrence.</summary>
    [FunctionName(nameof(WebhookFunctions.ReplayWebhookDeliveries))]
    public Task ReplayWebhookDeliveries(
        [TimerTrigger("%" + WebhookFunctions.ReplayScheduleSetting + "%")] WebJobsTimerInfo timer,
        CancellationToken cancellationToken)
        => functions.ReplayWebhookDeliveries(EquityReportTimerTrigger.ToIsolated(timer), cancellationToken);
}
