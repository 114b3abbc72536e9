using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IDeliveries"/> in memory, with the semantics the contract suite pins on Table storage too: one delivery
/// per operator and id, saved again it is replaced; marking one delivered fails when it changed since it was read.
/// Records are copied in and out, as storage would. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryDeliveries : IDeliveries
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<(string Operator, string DeliveryId), FailedDelivery> deliveries = [];
    private long versions;

    public Task SaveFailedAsync(FailedDelivery delivery, CancellationToken cancellationToken)
    {
        lock (gate)
            deliveries[(delivery.Operator, delivery.DeliveryId)] = Copy(delivery, $"v{++versions}");
        return Task.CompletedTask;
    }

    public Task<List<FailedDelivery>> PendingAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(deliveries.Values.Where(d => d.DeliveredAt is null).Select(d => Copy(d, d.Version)).ToList());
    }

    public Task MarkDeliveredAsync(FailedDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!deliveries.TryGetValue((delivery.Operator, delivery.DeliveryId), out var stored) || stored.Version != delivery.Version)
                throw new InvalidOperationException($"Delivery {delivery.DeliveryId} changed since it was read."); // Table storage: 412
            delivery.DeliveredAt = at;
            deliveries[(delivery.Operator, delivery.DeliveryId)] = Copy(delivery, $"v{++versions}");
        }
        return Task.CompletedTask;
    }

    private static FailedDelivery Copy(FailedDelivery d, string version) => new()
    {
        Operator = d.Operator, DeliveryId = d.DeliveryId, Payload = d.Payload, Attempts = d.Attempts, LastError = d.LastError,
        FirstFailedAt = d.FirstFailedAt, DeliveredAt = d.DeliveredAt, Version = version,
    };
}
