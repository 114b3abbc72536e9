namespace Tariffs.Application.Ports;

/// <summary>
/// Failed webhook deliveries kept for replay, one per operator and delivery id. Implementations must pass the one
/// contract suite (tests: <c>DeliveriesContract</c>).
/// </summary>
public interface IDeliveries
{
    /// <summary>Keeps a failed delivery (a failure of a delivery already kept replaces its attempts and error).</summary>
    Task SaveFailedAsync(FailedDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Deliveries not delivered yet.</summary>
    Task<List<FailedDelivery>> PendingAsync(CancellationToken cancellationToken);

    /// <summary>Records that a kept delivery, as read (<see cref="FailedDelivery.Version"/>), went through.</summary>
    Task MarkDeliveredAsync(FailedDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken);
}
