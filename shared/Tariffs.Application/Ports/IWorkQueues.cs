namespace Tariffs.Application.Ports;

/// <summary>
/// The work queues (<see cref="Messages.QueueNames"/>): sends a message to a named queue, where a queue trigger receives
/// it (at least once). Implementations must pass the one contract suite (tests: <c>WorkQueuesContract</c>).
/// </summary>
public interface IWorkQueues
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="queue"/>, visible after <paramref name="delay"/> (at once when null).</summary>
    Task SendAsync(string queue, string message, TimeSpan? delay, CancellationToken cancellationToken);
}
