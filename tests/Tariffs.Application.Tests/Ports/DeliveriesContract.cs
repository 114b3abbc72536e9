using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IDeliveries"/>, run against the in-memory and the Table adapter: a failed delivery is
/// pending until marked delivered, saving it again replaces it, and marking one that changed since it was read fails.
/// </summary>
public abstract class DeliveriesContract
{
    private static readonly DateTimeOffset Failed = new(2022, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A store, maybe shared with other tests (each test uses operators of its own).</summary>
    protected abstract Task<IDeliveries> NewDeliveriesAsync();

    private static FailedDelivery Delivery(string @operator, string id, int attempts = 1) => new()
    {
        Operator = @operator, DeliveryId = id, Payload = """{"deliveryId":"x"}""", Attempts = attempts, LastError = $"error {attempts}", FirstFailedAt = Failed,
    };

    private static async Task<List<FailedDelivery>> PendingOfAsync(IDeliveries deliveries, string @operator) =>
        [.. (await deliveries.PendingAsync(CancellationToken.None)).Where(d => d.Operator == @operator).OrderBy(d => d.DeliveryId, StringComparer.Ordinal)];

    [Fact]
    public async Task A_failed_delivery_is_pending_until_marked_delivered_and_a_save_replaces_it()
    {
        var deliveries = await NewDeliveriesAsync();
        var op = $"op/{Guid.NewGuid():N}";

        await deliveries.SaveFailedAsync(Delivery(op, "batch|1|0"), CancellationToken.None);
        await deliveries.SaveFailedAsync(Delivery(op, "batch|2|0"), CancellationToken.None);
        await deliveries.SaveFailedAsync(Delivery(op, "batch|1|0", attempts: 2), CancellationToken.None);

        var pending = await PendingOfAsync(deliveries, op);
        Assert.Equal([("batch|1|0", 2, "error 2"), ("batch|2|0", 1, "error 1")], pending.Select(d => (d.DeliveryId, d.Attempts, d.LastError)));
        Assert.All(pending, d => Assert.Equal((Failed, """{"deliveryId":"x"}""", (DateTimeOffset?)null), (d.FirstFailedAt, d.Payload, d.DeliveredAt)));

        await deliveries.MarkDeliveredAsync(pending[0], Failed.AddHours(1), CancellationToken.None);
        Assert.Equal(["batch|2|0"], (await PendingOfAsync(deliveries, op)).Select(d => d.DeliveryId));
    }

    [Fact]
    public async Task Marking_a_delivery_that_changed_since_it_was_read_fails()
    {
        var deliveries = await NewDeliveriesAsync();
        var op = $"op-{Guid.NewGuid():N}";
        await deliveries.SaveFailedAsync(Delivery(op, "d"), CancellationToken.None);
        var read = Assert.Single(await PendingOfAsync(deliveries, op));

        await deliveries.SaveFailedAsync(Delivery(op, "d", attempts: 3), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => deliveries.MarkDeliveredAsync(read, Failed.AddHours(1), CancellationToken.None));
        Assert.Equal(3, Assert.Single(await PendingOfAsync(deliveries, op)).Attempts);
    }
}
