using Tariffs.Storage.Batches;

namespace Tariffs.Application.Ports;

/// <summary>
/// <see cref="IBatches"/> on Azure Table storage: forwards to <see cref="BatchStore"/>. Interim: once Tariffs.Storage
/// references the Application (issue 12, item 2), the store implements the port itself and this goes.
/// </summary>
public sealed class StoredBatches(BatchStore store) : IBatches
{
    public Task SaveHeaderAsync(BatchEntity header, CancellationToken cancellationToken) => store.SaveHeaderAsync(header, cancellationToken);

    public Task<BatchEntity?> ClaimAsync(BatchEntity header, CancellationToken cancellationToken) => store.ClaimAsync(header, cancellationToken);

    public Task MarkSplitAsync(string batchId, CancellationToken cancellationToken) => store.MarkSplitAsync(batchId, cancellationToken);

    public Task SaveChunkAsync(string batchId, ChunkEntity chunk, CancellationToken cancellationToken) => store.SaveChunkAsync(batchId, chunk, cancellationToken);

    public Task<BatchStatus?> GetStatusAsync(string batchId, CancellationToken cancellationToken) => store.GetStatusAsync(batchId, cancellationToken);
}
