using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// A publication not yet confirmed sent, written in the same transaction as the corrections it publishes (so both
/// are stored or neither), deleted once sent: PartitionKey = the line's, RowKey = <c>|outbox|</c> + the key of its
/// first correction. <see cref="Payload"/> is the publication, opaque to storage.
/// </summary>
public sealed class OutboxEntity : StorageEntity
{
    public string Kind { get; set; } = LedgerKinds.Outbox;
    public string Payload { get; set; } = "";
}
