namespace Tariffs.Application.Ports;

/// <summary>
/// A received batch as <see cref="IBatches"/> keeps it: who sent it, where its document is and its content hash, how
/// many lines and chunks it holds, or why it was refused.
/// </summary>
public sealed class BatchRecord
{
    /// <summary>The batch id: one namespace across operators.</summary>
    public string BatchId { get; set; } = "";
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
    /// <summary>SHA-256 of the batch document's bytes (64 lower-case hex digits): tells a resend from other content under the same id.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>True once every chunk of the batch was queued (or priced inline): a resend of the same content then does nothing.</summary>
    public bool Split { get; set; }
}
