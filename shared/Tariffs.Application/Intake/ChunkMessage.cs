using System.Text.Json;
using Tariffs.Application.Json;

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

    /// <summary>
    /// Reads a message of <c>billing-chunks</c>; a <see cref="JsonException"/> when it is not one (not JSON, or without a
    /// batch id, a blob name, a chunk number, a byte range and a count of lines).
    /// </summary>
    public static ChunkMessage Read(string body)
    {
        var message = JsonSerializer.Deserialize<ChunkMessage>(body, TariffsJson.Options) ?? throw new JsonException("An empty chunk message.");
        if (string.IsNullOrEmpty(message.BatchId) || string.IsNullOrEmpty(message.BlobName) || message.Operator is null || message.Authority is null
            || message.Service is null || message.Currency is null || message.Chunk < 0 || message.Offset < 0 || message.Length <= 0 || message.FirstIndex < 0 || message.Count < 0)
            throw new JsonException("Not a chunk message: it needs a batchId, operator, authority, service, currency, blobName, chunk, offset, length, firstIndex and count.");
        return message;
    }

    /// <summary>The header the chunk belongs to.</summary>
    public BatchHeader Header => new(BatchId, Operator, Authority, Service, Currency);
}
