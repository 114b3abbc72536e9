using System.Buffers.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Tariffs.Storage.Queues;
using Tariffs.Storage.Rejections;

namespace Tariffs.Application.Messages;

/// <summary>
/// Records the messages that are not Base64. The queue extension cannot decode such a message: it moves it at once, as
/// it is, to <c>&lt;queue&gt;-poison</c>, whose trigger cannot decode it either and leaves it there (a poison queue has no
/// poison queue). The sweep reads each poison queue without decoding, stores each message that is not Base64 as a
/// rejection under partition <c>&lt;queue&gt;-poison</c> (key = its message id) with its insertion time and body, and
/// deletes it; a Base64 message is made visible again at once, for <see cref="PoisonRecorder"/>'s trigger.
/// </summary>
public sealed partial class UndecodableMessageSweeper(RawQueueService queues, RejectionStore rejections, ILogger<UndecodableMessageSweeper> logger)
{
    /// <summary>The queues whose undecodable messages are swept.</summary>
    public static IReadOnlyList<string> Queues { get; } =
        [QueueNames.BillingBatches, QueueNames.BillingChunks, QueueNames.EligibilityFlags, QueueNames.HouseholdRecompute, QueueNames.WebhookDeliveries];

    /// <summary>Records and deletes the messages that are not Base64 among up to 32 of each poison queue; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var queue in Queues)
        {
            var poison = PoisonRecorder.PoisonQueue(queue);
            var client = queues.Client.GetQueueClient(poison);
            Azure.Storage.Queues.Models.QueueMessage[] messages;
            try
            {
                messages = (await client.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                continue; // never created: nothing ever went there
            }
            foreach (var message in messages)
            {
                var body = message.Body.ToString();
                if (Base64.IsValid(body))
                {
                    await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var reason = $"not Base64: the queue extension could not decode it and moved it to {poison} (message inserted {message.InsertedOn:O})";
                await rejections.AddAsync([new Rejection(poison, message.MessageId, queue, reason, body)], cancellationToken).ConfigureAwait(false);
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                LogSwept(logger, queue, message.MessageId);
                swept++;
            }
        }
        return swept;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {Queue} was not Base64: stored as a rejection")]
    private static partial void LogSwept(ILogger logger, string queue, string messageId);
}
