namespace Tariffs.Application.Messages;

/// <summary>
/// Work that must not wait forever on a message that reached its poison queue (its host stopped on every delivery, so
/// its function never recorded a failure): <see cref="PoisonQueueSweeper"/> tells it, with the reason recorded.
/// </summary>
public interface IPoisonedWork
{
    /// <summary>The queue whose poisoned messages this work is told of.</summary>
    string Queue { get; }

    /// <summary>A message of <see cref="Queue"/> (its decoded body) was moved to the poison queue, for <paramref name="reason"/>.</summary>
    Task PoisonedAsync(string body, string reason, CancellationToken cancellationToken);
}
