using Azure;
using Microsoft.Extensions.Logging;
using Tariffs.Storage.Queues;
using Tariffs.Storage.Rejections;

namespace Tariffs.Application.Messages;

/// <summary>
/// Records the messages that are not Base64. The queue extension cannot decode such a message: it moves it at once, as
/// it is, to <c>&lt;queue&gt;-poison</c>, whose trigger cannot decode it either and moves it on to
/// <c>&lt;queue&gt;-poison-poison</c>, which nothing listens to. The sweep reads those queues without decoding, stores
/// each message as a rejection under partition <c>&lt;queue&gt;-poison</c> (key = its message id) with its insertion time
/// and body, and deletes it.
/// </summary>
public sealed partial class UndecodableMessageSweeper(RawQueueService queues, RejectionStore rejections, ILogger<UndecodableMessageSweeper> logger)
{
    /// <summary>The queues whose undecodable messages are swept.</summary>
    public static IReadOnlyList<string> Queues { get; } =
        [QueueNames.BillingBatches, QueueNames.BillingChunks, QueueNames.EligibilityFlags, QueueNames.HouseholdRecompute, QueueNames.WebhookDeliveries];

    /// <summary>Records and deletes every message waiting on the <c>-poison-poison</c> queues; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var queue in Queues)
        {
            var poison = PoisonRecorder.PoisonQueue(queue);
            var client = queues.Client.GetQueueClient(PoisonRecorder.PoisonQueue(poison));
            while (true)
            {
                Azure.Storage.Queues.Models.QueueMessage[] messages;
                try
                {
                    messages = (await client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false)).Value;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    break; // never created: nothing ever went there
                }
                if (messages.Length == 0)
                    break;
                foreach (var message in messages)
                {
                    var reason = $"not Base64: the queue extension could not decode it and moved it to {poison} (message inserted {message.InsertedOn:O})";
                    await rejections.AddAsync([new Rejection(poison, message.MessageId, queue, reason, message.Body.ToString())], cancellationToken).ConfigureAwait(false);
                    await client.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                    LogSwept(logger, queue, message.MessageId);
                    swept++;
                }
            }
        }
        return swept;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {Queue} was not Base64: stored as a rejection")]
    private static partial void LogSwept(ILogger logger, string queue, string messageId);
}
