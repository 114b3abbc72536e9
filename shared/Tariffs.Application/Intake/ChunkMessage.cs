namespace Tariffs.Application.Intake;

/// <summary>
/// A bounded piece of a stored batch, on queue <c>billing-chunks</c>: the batch header, the blob, and the byte
/// range holding lines <see cref="FirstIndex"/> … <see cref="FirstIndex"/> + <see cref="Count"/> − 1.
/// </summary>
public sealed record ChunkMessage(
    string BatchId,
    string Operator,
    string Authority,
    string Service,
    string Currency,
    string BlobName,
    int Chunk,
    long Offset,
    int Length,
    int FirstIndex,
    int Count)
{
    /// <summary>W3C <c>traceparent</c> of the batch's intake activity, when it was traced: the chunk's activity is its child.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The header the chunk belongs to.</summary>
    public BatchHeader Header => new(BatchId, Operator, Authority, Service, Currency);
}
