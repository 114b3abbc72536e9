using System.Buffers.Text;
using System.Text;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Messages;

/// <summary>
/// Empties the <c>&lt;queue&gt;-poison</c> queues into stored rejections. The queue extension moves a message there after
/// its last failed delivery (re-encoded as it came), and at once, undecoded, a message that is not Base64. A queue
/// trigger on a poison queue could not read the latter either and would hold it invisible after each attempt, so the
/// poison queues are read raw, by a timer: each message is recorded by <see cref="PoisonRecorder"/> — its body decoded
/// when it is Base64, as its function saw it, so that the last error its function recorded is found — then the work
/// of its queue is told (<see cref="IPoisonedWork"/>), then it is deleted.
/// </summary>
public sealed class PoisonQueueSweeper(IPoisonQueues queues, PoisonRecorder recorder, IEnumerable<IPoisonedWork> work)
{
    private const int PageSize = 32;

    /// <summary>The queues whose poison queues are swept.</summary>
    public static IReadOnlyList<string> Queues { get; } =
        [QueueNames.BillingBatches, QueueNames.BillingChunks, QueueNames.EligibilityFlags, QueueNames.HouseholdRecompute, QueueNames.WebhookDeliveries, QueueNames.Simulations];

    /// <summary>Records and deletes every message waiting on a poison queue; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var queue in Queues)
        {
            var poison = PoisonRecorder.PoisonQueue(queue);
            while (true)
            {
                var messages = await queues.ReceiveAsync(poison, PageSize, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
                foreach (var message in messages)
                {
                    var raw = message.Body;
                    var decodable = Base64.IsValid(raw);
                    var body = decodable ? Encoding.UTF8.GetString(Convert.FromBase64String(raw)) : raw;
                    var reason = await recorder.RecordAsync(queue, message.Id, message.InsertedOn, body, decodable ? null : "not Base64: the queue extension could not decode it",
                        cancellationToken).ConfigureAwait(false);
                    if (decodable)
                        foreach (var told in work.Where(w => w.Queue == queue))
                            await told.PoisonedAsync(body, reason, cancellationToken).ConfigureAwait(false);
                    await queues.DeleteAsync(poison, message, cancellationToken).ConfigureAwait(false);
                    swept++;
                }
                if (messages.Count < PageSize)
                    break;
            }
        }
        return swept;
    }
}
