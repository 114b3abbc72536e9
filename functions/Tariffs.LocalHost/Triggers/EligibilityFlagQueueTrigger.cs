using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Eligibility;
using Tariffs.Storage.Queues;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs queue trigger on <c>eligibility-flags</c> that forwards each message to
/// <see cref="EligibilityFlagFunctions.RecordEligibilityFlag"/>.
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class EligibilityFlagQueueTrigger(EligibilityFlagFunctions functions)
{
    /// <summary>Runs <see cref="EligibilityFlagFunctions.RecordEligibilityFlag"/> for one message.</summary>
    [FunctionName(nameof(EligibilityFlagFunctions.RecordEligibilityFlag))]
    public Task RecordEligibilityFlag(
        [QueueTrigger(QueueNames.EligibilityFlags)] QueueMessage message,
        CancellationToken cancellationToken)
        => functions.RecordEligibilityFlag(message, cancellationToken);
}
