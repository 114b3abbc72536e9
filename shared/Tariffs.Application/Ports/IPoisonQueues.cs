namespace Tariffs.Application.Ports;

/// <summary>
/// The <c>&lt;queue&gt;-poison</c> queues, read raw: a message's body as stored (Base64 or not), for the sweeper that
/// records and deletes them. Implementations must pass the one contract suite (tests: <c>PoisonQueuesContract</c>).
/// </summary>
public interface IPoisonQueues
{
    /// <summary>
    /// At most <paramref name="max"/> (1 to 32) messages of a queue, each hidden from other receives for
    /// <paramref name="hidden"/>, then received again with a new <see cref="RawQueueMessage.Receipt"/>; none when the
    /// queue does not exist.
    /// </summary>
    Task<IReadOnlyList<RawQueueMessage>> ReceiveAsync(string queue, int max, TimeSpan hidden, CancellationToken cancellationToken);

    /// <summary>Deletes a received message for good; throws when its receipt is not the latest (received again since) or it is gone.</summary>
    Task DeleteAsync(string queue, RawQueueMessage message, CancellationToken cancellationToken);
}
