using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Tariffs.Functions.Poison;
using Tariffs.Storage.Queues;
using WebJobsTimerInfo = Microsoft.Azure.WebJobs.TimerInfo;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// WebJobs queue triggers on the <c>&lt;queue&gt;-poison</c> queues (and the sweep's timer) that forward each message to the matching method of
/// <see cref="PoisonQueueFunctions"/>.
/// </summary>
/// <param name="functions">The isolated-worker function class, resolved from the invocation's DI scope.</param>
public sealed class PoisonQueueTriggers(PoisonQueueFunctions functions)
{
    private const string Suffix = QueueNames.PoisonSuffix;

    /// <summary>Runs <see cref="PoisonQueueFunctions.SweepUndecodableMessages"/> for one occurrence.</summary>
    [FunctionName(nameof(PoisonQueueFunctions.SweepUndecodableMessages))]
    public Task SweepUndecodableMessages([TimerTrigger(PoisonQueueFunctions.SweepSchedule)] WebJobsTimerInfo timer, CancellationToken cancellationToken) =>
        functions.SweepUndecodableMessages(EquityReportTimerTrigger.ToIsolated(timer), cancellationToken);

    /// <summary>Runs <see cref="PoisonQueueFunctions.RecordPoisonedBillingBatch"/>.</summary>
    [FunctionName(nameof(PoisonQueueFunctions.RecordPoisonedBillingBatch))]
    public Task RecordPoisonedBillingBatch([QueueTrigger(QueueNames.BillingBatches + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        functions.RecordPoisonedBillingBatch(message, cancellationToken);

    /// <summary>Runs <see cref="PoisonQueueFunctions.RecordPoisonedBillingChunk"/>.</summary>
    [FunctionName(nameof(PoisonQueueFunctions.RecordPoisonedBillingChunk))]
    public Task RecordPoisonedBillingChunk([QueueTrigger(QueueNames.BillingChunks + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        functions.RecordPoisonedBillingChunk(message, cancellationToken);

    /// <summary>Runs <see cref="PoisonQueueFunctions.RecordPoisonedEligibilityFlag"/>.</summary>
    [FunctionName(nameof(PoisonQueueFunctions.RecordPoisonedEligibilityFlag))]
    public Task RecordPoisonedEligibilityFlag([QueueTrigger(QueueNames.EligibilityFlags + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        functions.RecordPoisonedEligibilityFlag(message, cancellationToken);

    /// <summary>Runs <see cref="PoisonQueueFunctions.RecordPoisonedHouseholdRecompute"/>.</summary>
    [FunctionName(nameof(PoisonQueueFunctions.RecordPoisonedHouseholdRecompute))]
    public Task RecordPoisonedHouseholdRecompute([QueueTrigger(QueueNames.HouseholdRecompute + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        functions.RecordPoisonedHouseholdRecompute(message, cancellationToken);

    /// <summary>Runs <see cref="PoisonQueueFunctions.RecordPoisonedWebhookDelivery"/>.</summary>
    [FunctionName(nameof(PoisonQueueFunctions.RecordPoisonedWebhookDelivery))]
    public Task RecordPoisonedWebhookDelivery([QueueTrigger(QueueNames.WebhookDeliveries + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        functions.RecordPoisonedWebhookDelivery(message, cancellationToken);
}
