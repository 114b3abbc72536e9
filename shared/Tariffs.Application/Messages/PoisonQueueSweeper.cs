using System.Buffers.Text;
using System.Text;
using Azure;
using Tariffs.Storage.Queues;

namespace Tariffs.Application.Messages;

/// <summary>
/// Empties the <c>&lt;queue&gt;-poison</c> queues into stored rejections. The queue extension moves a message there after
/// its last failed delivery (re-encoded as it came), and at once, undecoded, a message that is not Base64. A queue
/// trigger on a poison queue could not read the latter either and would hold it invisible after each attempt, so the
/// poison queues are read raw, by a timer: each message is recorded by <see cref="PoisonRecorder"/> — its body decoded
/// when it is Base64, as its function saw it, so that the last error its function recorded is found — then deleted.
/// </summary>
public sealed class PoisonQueueSweeper(RawQueueService queues, PoisonRecorder recorder)
{
    private const int PageSize = 32;

    /// <summary>The queues whose poison queues are swept.</summary>
    public static IReadOnlyList<string> Queues { get; } =
        [QueueNames.BillingBatches, QueueNames.BillingChunks, QueueNames.EligibilityFlags, QueueNames.HouseholdRecompute, QueueNames.WebhookDeliveries];

    /// <summary>Records and deletes every message waiting on a poison queue; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var queue in Queues)
        {
            var client = queues.Client.GetQueueClient(PoisonRecorder.PoisonQueue(queue));
            while (true)
            {
                Azure.Storage.Queues.Models.QueueMessage[] messages;
                try
                {
                    messages = (await client.ReceiveMessagesAsync(PageSize, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false)).Value;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    break; // never created: nothing ever went there
                }
                foreach (var message in messages)
                {
                    var raw = message.Body.ToString();
                    var decodable = Base64.IsValid(raw);
                    var body = decodable ? Encoding.UTF8.GetString(Convert.FromBase64String(raw)) : raw;
                    await recorder.RecordAsync(queue, message.MessageId, message.InsertedOn, body, decodable ? null : "not Base64: the queue extension could not decode it",
                        cancellationToken).ConfigureAwait(false);
                    await client.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                    swept++;
                }
                if (messages.Length < PageSize)
                    break;
            }
        }
        return swept;
    }
}
