using Azure.Data.Tables;
using Tariffs.Storage.Tables;
using Azure;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Deliveries;

/// <summary><see cref="IDeliveries"/> on Table storage (table <c>deliveries</c>, PartitionKey = operator, RowKey = delivery id; the version is the row's ETag).</summary>
public sealed class DeliveryStore(TableServiceClient service) : IDeliveries
{
    private readonly TableClient table = service.GetTableClient(TableNames.Deliveries);

    /// <summary>Keeps a failed delivery (a failure of a delivery already kept updates its attempts and error).</summary>
    public Task SaveFailedAsync(FailedDelivery delivery, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(ToEntity(delivery), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Deliveries not delivered yet, oldest partition first.</summary>
    public async Task<List<FailedDelivery>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<FailedDelivery>();
        await foreach (var delivery in table.QueryAsync<DeliveryEntity>(d => d.DeliveredAt == null, cancellationToken: cancellationToken).ConfigureAwait(false))
            pending.Add(new FailedDelivery
            {
                Operator = delivery.Operator,
                DeliveryId = delivery.DeliveryId,
                Payload = delivery.Payload,
                Attempts = delivery.Attempts,
                LastError = delivery.LastError,
                FirstFailedAt = delivery.FirstFailedAt,
                DeliveredAt = delivery.DeliveredAt,
                Version = delivery.ETag.ToString(),
            });
        return pending;
    }

    /// <summary>Records that a kept delivery went through.</summary>
    public Task MarkDeliveredAsync(FailedDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        delivery.DeliveredAt = at;
        return table.UpdateEntityAsync(ToEntity(delivery), new ETag(delivery.Version), TableUpdateMode.Replace, cancellationToken);
    }

    private static DeliveryEntity ToEntity(FailedDelivery d) => new()
    {
        PartitionKey = RowKeys.Whole(d.Operator),
        RowKey = RowKeys.Whole(d.DeliveryId),
        Operator = d.Operator,
        DeliveryId = d.DeliveryId,
        Payload = d.Payload,
        Attempts = d.Attempts,
        LastError = d.LastError,
        FirstFailedAt = d.FirstFailedAt,
        DeliveredAt = d.DeliveredAt,
    };
}
