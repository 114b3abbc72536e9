using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Deliveries;

/// <summary>
/// A webhook delivery that still failed after its retries (table <c>deliveries</c>, PartitionKey = operator,
/// RowKey = delivery id): the payload is kept for replay, never dropped. <see cref="DeliveredAt"/> is set
/// once a replay succeeds.
/// </summary>
public sealed class DeliveryEntity : StorageEntity
{
    public string Operator { get; set; } = "";
    public string DeliveryId { get; set; } = "";
    public string Payload { get; set; } = "";
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    public DateTimeOffset FirstFailedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
