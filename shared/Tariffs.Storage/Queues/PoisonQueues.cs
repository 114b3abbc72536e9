using Azure;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Queues;

/// <summary><see cref="IPoisonQueues"/> on Queue storage, read without message encoding (<see cref="RawQueueService"/>).</summary>
public sealed class PoisonQueues(RawQueueService queues) : IPoisonQueues
{
    public async Task<IReadOnlyList<RawQueueMessage>> ReceiveAsync(string queue, int max, TimeSpan hidden, CancellationToken cancellationToken)
    {
        try
        {
            var messages = (await queues.Client.GetQueueClient(queue).ReceiveMessagesAsync(max, hidden, cancellationToken).ConfigureAwait(false)).Value;
            return [.. messages.Select(m => new RawQueueMessage(m.MessageId, m.PopReceipt, m.InsertedOn, m.Body.ToString()))];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return []; // never created: nothing ever went there
        }
    }

    public Task DeleteAsync(string queue, RawQueueMessage message, CancellationToken cancellationToken) =>
        queues.Client.GetQueueClient(queue).DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);
}
