using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary><see cref="IBatchDocuments"/> in memory: each document's bytes by name. Thread-safe (one lock).</summary>
public sealed class InMemoryBatchDocuments : IBatchDocuments
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, byte[]> documents = new(StringComparer.Ordinal);

    public async Task UploadAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        lock (gate)
            documents[name] = copy.ToArray();
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        lock (gate)
            documents.Remove(name);
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<Stream?>(documents.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null);
    }

    public Task<byte[]> ReadRangeAsync(string name, long offset, int length, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(documents[name].AsSpan((int)offset, length).ToArray());
    }
}
