using Azure.Data.Tables;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Deliveries;

/// <summary>Failed webhook deliveries kept for replay (table <c>deliveries</c>).</summary>
public sealed class DeliveryStore(TableServiceClient service)
{
    private readonly TableClient table = service.GetTableClient(TableNames.Deliveries);

    /// <summary>Keeps a failed delivery (a failure of a delivery already kept updates its attempts and error).</summary>
    public Task SaveFailedAsync(DeliveryEntity delivery, CancellationToken cancellationToken)
    {
        delivery.PartitionKey = RowKeys.Whole(delivery.Operator);
        delivery.RowKey = RowKeys.Whole(delivery.DeliveryId);
        return table.UpsertEntityAsync(delivery, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Deliveries not delivered yet, oldest partition first.</summary>
    public async Task<List<DeliveryEntity>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<DeliveryEntity>();
        await foreach (var delivery in table.QueryAsync<DeliveryEntity>(d => d.DeliveredAt == null, cancellationToken: cancellationToken).ConfigureAwait(false))
            pending.Add(delivery);
        return pending;
    }

    /// <summary>Records that a kept delivery went through.</summary>
    public Task MarkDeliveredAsync(DeliveryEntity delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        delivery.DeliveredAt = at;
        return table.UpdateEntityAsync(delivery, delivery.ETag, TableUpdateMode.Replace, cancellationToken);
    }
}
