using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Messages;
using Tariffs.Storage.Queues;

namespace Tariffs.Functions.Poison;

/// <summary>
/// One function per <c>&lt;queue&gt;-poison</c> queue: whatever arrives there is stored as a rejection with the queue, the
/// message id, its insertion time, an excerpt and the last error its function recorded (<see cref="PoisonRecorder"/>).
/// </summary>
/// <remarks>
/// A message that is not Base64 never reaches these functions: the queue extension moves it, undecoded, to
/// <c>&lt;queue&gt;-poison</c>, where it cannot be decoded either; <see cref="SweepUndecodableMessages"/> records those
/// every <see cref="SweepSchedule"/>.
/// </remarks>
public sealed class PoisonQueueFunctions(PoisonRecorder recorder, UndecodableMessageSweeper sweeper)
{
    /// <summary>NCRONTAB schedule (UTC) of the sweep of undecodable messages: every 30 seconds.</summary>
    public const string SweepSchedule = "*/30 * * * * *";

    private const string Suffix = QueueNames.PoisonSuffix;

    [Function(nameof(SweepUndecodableMessages))]
    public Task SweepUndecodableMessages([TimerTrigger(SweepSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);

    [Function(nameof(RecordPoisonedBillingBatch))]
    public Task RecordPoisonedBillingBatch([QueueTrigger(QueueNames.BillingBatches + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        Record(QueueNames.BillingBatches, message, cancellationToken);

    [Function(nameof(RecordPoisonedBillingChunk))]
    public Task RecordPoisonedBillingChunk([QueueTrigger(QueueNames.BillingChunks + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        Record(QueueNames.BillingChunks, message, cancellationToken);

    [Function(nameof(RecordPoisonedEligibilityFlag))]
    public Task RecordPoisonedEligibilityFlag([QueueTrigger(QueueNames.EligibilityFlags + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        Record(QueueNames.EligibilityFlags, message, cancellationToken);

    [Function(nameof(RecordPoisonedHouseholdRecompute))]
    public Task RecordPoisonedHouseholdRecompute([QueueTrigger(QueueNames.HouseholdRecompute + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        Record(QueueNames.HouseholdRecompute, message, cancellationToken);

    [Function(nameof(RecordPoisonedWebhookDelivery))]
    public Task RecordPoisonedWebhookDelivery([QueueTrigger(QueueNames.WebhookDeliveries + Suffix)] QueueMessage message, CancellationToken cancellationToken) =>
        Record(QueueNames.WebhookDeliveries, message, cancellationToken);

    private Task Record(string queue, QueueMessage message, CancellationToken cancellationToken) =>
        recorder.RecordAsync(queue, message.MessageId, message.InsertedOn, message.Body.ToString(), cancellationToken);
}
