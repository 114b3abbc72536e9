using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IWorkQueues"/> in memory: each queue keeps its messages in the order sent, with when each becomes visible
/// (a delay is kept, not waited for). Tests take what was sent (<see cref="Take"/>) and hand it to the handler, in
/// whatever order they choose. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryWorkQueues : IWorkQueues
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<QueuedMessage>> queues = new(StringComparer.Ordinal);

    public Task SendAsync(string queue, string message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay ?? TimeSpan.Zero, TimeSpan.Zero);
        lock (gate)
        {
            if (!queues.TryGetValue(queue, out var messages))
                queues[queue] = messages = [];
            messages.Add(new QueuedMessage(message, delay ?? TimeSpan.Zero));
        }
        return Task.CompletedTask;
    }

    /// <summary>The messages waiting on <paramref name="queue"/>, in the order sent, without removing them.</summary>
    public IReadOnlyList<QueuedMessage> Peek(string queue)
    {
        lock (gate)
            return queues.TryGetValue(queue, out var messages) ? [.. messages] : [];
    }

    /// <summary>Removes and returns the messages waiting on <paramref name="queue"/>, in the order sent.</summary>
    public IReadOnlyList<QueuedMessage> Take(string queue)
    {
        lock (gate)
        {
            if (!queues.Remove(queue, out var messages))
                return [];
            return messages;
        }
    }
}
