using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Batches;

/// <summary>
/// A received batch (table <c>batches</c>, PartitionKey = batch id, RowKey = <c>header</c>): who sent it,
/// where its document is, how many lines and chunks it holds, or why it was refused.
/// </summary>
public sealed class BatchEntity : StorageEntity
{
    public const string HeaderRowKey = "header";

    public string Operator { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Service { get; set; } = "";
    public string Currency { get; set; } = "";
    public string BlobName { get; set; } = "";
    public int Lines { get; set; }
    public int Chunks { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Why the whole batch was refused; empty when it was accepted.</summary>
    public string Refusal { get; set; } = "";
}
