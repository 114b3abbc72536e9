namespace Tariffs.Application.Ports;

/// <summary>
/// The <c>&lt;queue&gt;-poison</c> queues, read raw: a message's body as stored (Base64 or not), for the sweeper that
/// records and deletes them. Implementations must pass the one contract suite (tests: <c>PoisonQueuesContract</c>).
/// </summary>
public interface IPoisonQueues
{
    /// <summary>
    /// At most <paramref name="max"/> messages of a queue, each hidden from other receivers for <paramref name="hidden"/>;
    /// none when the queue does not exist.
    /// </summary>
    Task<IReadOnlyList<RawQueueMessage>> ReceiveAsync(string queue, int max, TimeSpan hidden, CancellationToken cancellationToken);

    /// <summary>Deletes a received message.</summary>
    Task DeleteAsync(string queue, RawQueueMessage message, CancellationToken cancellationToken);
}
