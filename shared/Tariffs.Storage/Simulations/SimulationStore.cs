using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Tariffs.Application.Json;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Simulations;

/// <summary>
/// <see cref="ISimulations"/> on Blob storage, container <c>simulations</c>: a simulation's record as JSON at
/// <c>{id}/simulation.json</c>, each chunk's result at <c>{id}/chunks/{shard:D4}.json</c> (one blob per chunk: saving a
/// chunk again replaces it). JSON in the service's conventions (<see cref="TariffsJson"/>).
/// </summary>
public sealed class SimulationStore(BlobServiceClient service) : ISimulations
{
    /// <summary>The blob container of simulations.</summary>
    public const string ContainerName = "simulations";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(ContainerName);

    public Task SaveAsync(SimulationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UploadAsync($"{record.Id}/simulation.json", record, cancellationToken);
    }

    public async Task<SimulationRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
            return null;
        try
        {
            var content = await container.GetBlobClient($"{id}/simulation.json").DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<SimulationRecord>(TariffsJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task SaveChunkAsync(string id, SimulationChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return UploadAsync($"{id}/chunks/{chunk.Shard:D4}.json", chunk, cancellationToken);
    }

    public async Task<IReadOnlyList<SimulationChunk>> ChunksAsync(string id, CancellationToken cancellationToken)
    {
        var chunks = new List<SimulationChunk>();
        if (!IsId(id))
            return chunks;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/chunks/", cancellationToken).ConfigureAwait(false))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            chunks.Add(content.Value.Content.ToObjectFromJson<SimulationChunk>(TariffsJson.Options)!);
        }
        return [.. chunks.OrderBy(c => c.Shard)];
    }

    private async Task UploadAsync<T>(string name, T value, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, TariffsJson.Options)), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An id a simulation can have (letters, digits and '-'): anything else names no blob of this container.</summary>
    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
