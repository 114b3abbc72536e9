using Azure.Storage.Queues;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Queues;

/// <summary><see cref="IWorkQueues"/> on Queue storage, through the host's client (Base64 messages, as the queue triggers read them).</summary>
public sealed class WorkQueues(QueueServiceClient queues) : IWorkQueues
{
    public Task SendAsync(string queue, string message, TimeSpan? delay, CancellationToken cancellationToken) =>
        queues.GetQueueClient(queue).SendMessageAsync(message, delay, cancellationToken: cancellationToken);
}
