namespace Tariffs.Application.Ports;

/// <summary>
/// Billing batch documents too large for a queue message (claim-check): stored from a stream, read back as a stream or
/// by byte range (one chunk of lines at a time), the bytes exactly as stored. Implementations must pass the one
/// contract suite (tests: <c>BatchDocumentsContract</c>).
/// </summary>
public interface IBatchDocuments
{
    /// <summary>Where batch documents are kept (named in refusals).</summary>
    const string ContainerName = "batches";

    /// <summary>Longest document name accepted, in characters.</summary>
    const int MaxName = 1_024;

    /// <summary>Stores a document from a stream without buffering it whole, replacing whole any document of that name.</summary>
    Task UploadAsync(string name, Stream content, CancellationToken cancellationToken);

    /// <summary>Deletes a stored document, if it exists.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>Opens a stored document for sequential reading; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Reads bytes [offset, offset + length) of a stored document into one array of that length; throws when the
    /// document does not exist or ends before offset + length.
    /// </summary>
    Task<byte[]> ReadRangeAsync(string name, long offset, int length, CancellationToken cancellationToken);
}
