using System.Globalization;
using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IPoisonQueues"/> in memory: each queue keeps its messages in the order put (<see cref="Put"/>, as the queue
/// extension moves one there), each hidden after a receive until the time asked has passed on <c>time</c>, and
/// deleted only with the receipt of its latest receive, as on Queue storage. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryPoisonQueues(TimeProvider? time = null) : IPoisonQueues
{
    /// <summary>Most messages one receive returns, as on Queue storage.</summary>
    public const int MaxReceive = 32;

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Waiting>> queues = new(StringComparer.Ordinal);
    private long ids;

    /// <summary>Puts <paramref name="body"/> on <paramref name="queue"/> as stored (not encoded), visible at once.</summary>
    public void Put(string queue, string body)
    {
        lock (gate)
        {
            if (!queues.TryGetValue(queue, out var messages))
                queues[queue] = messages = [];
            var now = clock.GetUtcNow();
            messages.Add(new Waiting((++ids).ToString(CultureInfo.InvariantCulture), body, now) { VisibleAt = now });
        }
    }

    public Task<IReadOnlyList<RawQueueMessage>> ReceiveAsync(string queue, int max, TimeSpan hidden, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxReceive);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, TimeSpan.Zero);
        lock (gate)
        {
            if (!queues.TryGetValue(queue, out var messages))
                return Task.FromResult<IReadOnlyList<RawQueueMessage>>([]);
            var now = clock.GetUtcNow();
            var received = new List<RawQueueMessage>();
            foreach (var message in messages.Where(m => m.VisibleAt <= now).Take(max))
            {
                message.VisibleAt = now + hidden;
                message.Receipt = Guid.NewGuid().ToString("N");
                received.Add(new RawQueueMessage(message.Id, message.Receipt, message.InsertedOn, message.Body));
            }
            return Task.FromResult<IReadOnlyList<RawQueueMessage>>(received);
        }
    }

    public Task DeleteAsync(string queue, RawQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            var messages = queues.GetValueOrDefault(queue) ?? [];
            var index = messages.FindIndex(m => m.Id == message.Id && m.Receipt == message.Receipt);
            if (index < 0)
                throw new InvalidOperationException($"Message {message.Id} is not on {queue} with that receipt (deleted, or received again since).");
            messages.RemoveAt(index);
        }
        return Task.CompletedTask;
    }

    private sealed record Waiting(string Id, string Body, DateTimeOffset InsertedOn)
    {
        public DateTimeOffset VisibleAt { get; set; }

        public string? Receipt { get; set; }
    }
}
