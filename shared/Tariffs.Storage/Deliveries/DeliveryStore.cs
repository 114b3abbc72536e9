using Azure;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Deliveries;

/// <summary>
/// <see cref="IDeliveries"/> on Table storage (table <c>deliveries</c>, PartitionKey = operator, RowKey = delivery id):
/// the <see cref="FailedDelivery"/>'s properties are the row's columns (<see cref="RecordColumns{T}"/>), its version
/// the row's ETag. The payload is kept for replay, never dropped; <c>DeliveredAt</c> is set once a replay succeeds.
/// </summary>
public sealed class DeliveryStore(TableServiceClient service) : IDeliveries
{
    private static readonly RecordColumns<FailedDelivery> Columns = new(nameof(FailedDelivery.Version));

    private readonly TableClient table = service.GetTableClient(TableNames.Deliveries);

    /// <summary>Keeps a failed delivery (a failure of a delivery already kept updates its attempts and error).</summary>
    public Task SaveFailedAsync(FailedDelivery delivery, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(ToEntity(delivery), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Deliveries not delivered yet, oldest partition first.</summary>
    public async Task<List<FailedDelivery>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<FailedDelivery>();
        await foreach (var row in table.QueryAsync<TableEntity>($"{nameof(FailedDelivery.DeliveredAt)} eq null", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var delivery = Columns.Record(row);
            delivery.Version = row.ETag.ToString();
            pending.Add(delivery);
        }
        return pending;
    }

    /// <summary>Records that a kept delivery went through.</summary>
    public Task MarkDeliveredAsync(FailedDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        delivery.DeliveredAt = at;
        return table.UpdateEntityAsync(ToEntity(delivery), new ETag(delivery.Version), TableUpdateMode.Replace, cancellationToken);
    }

    private static TableEntity ToEntity(FailedDelivery delivery) => Columns.Row(delivery, RowKeys.Whole(delivery.Operator), RowKeys.Whole(delivery.DeliveryId));
}
