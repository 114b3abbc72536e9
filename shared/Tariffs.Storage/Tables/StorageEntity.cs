using Azure;
using Azure.Data.Tables;

namespace Tariffs.Storage.Tables;

/// <summary>Base of the typed table entities: the four system properties Table storage requires.</summary>
public abstract class StorageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
