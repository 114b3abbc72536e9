using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Eligibility;
using Tariffs.Storage.Queues;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs queue trigger on <c>household-recompute</c> that forwards each message to
/// <see cref="HouseholdRecomputeFunctions.RecomputeHousehold"/>; the WebJobs SDK supplies polling, batching, visibility
/// renewal, dequeue counts and the move to the poison queue.
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class HouseholdRecomputeQueueTrigger(HouseholdRecomputeFunctions functions)
{
    /// <summary>Runs <see cref="HouseholdRecomputeFunctions.RecomputeHousehold"/> for one message.</summary>
    [FunctionName(nameof(HouseholdRecomputeFunctions.RecomputeHousehold))]
    public Task RecomputeHousehold(
        [QueueTrigger(QueueNames.HouseholdRecompute)] QueueMessage message,
        CancellationToken cancellationToken)
        => functions.RecomputeHousehold(message, cancellationToken);
}
