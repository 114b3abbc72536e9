using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Tariffs.Application.Json;
using Tariffs.Application.Ports;
using Tariffs.Application.Simulations;

namespace Tariffs.Storage.Simulations;

/// <summary>
/// <see cref="ISimulations"/> on Blob storage, container <c>simulations</c>: a simulation's record as JSON at
/// <c>{id}/simulation.json</c>, where each chunk stands at <c>{id}/chunks/{shard:D4}.json</c> (one blob per chunk: saving
/// a chunk again replaces it), each segment of household sums at <c>{id}/segments/{shard:D4}/{segment:D6}.json</c> and the
/// combined result at <c>{id}/result.json</c>. JSON in the service's conventions (<see cref="TariffsJson"/>).
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

    public async Task<SimulationRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) ? await DownloadAsync<SimulationRecord>($"{id}/simulation.json", cancellationToken).ConfigureAwait(false) : null;

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

    public Task SaveSegmentAsync(string id, int shard, int segment, IReadOnlyList<HouseholdChange> households, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(households);
        return UploadAsync(SegmentName(id, shard, segment), households, cancellationToken);
    }

    public async Task<IReadOnlyList<HouseholdChange>> SegmentAsync(string id, int shard, int segment, CancellationToken cancellationToken) =>
        IsId(id) ? await DownloadAsync<List<HouseholdChange>>(SegmentName(id, shard, segment), cancellationToken).ConfigureAwait(false) ?? [] : [];

    public Task SaveResultAsync(string id, SimulationResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return UploadAsync($"{id}/result.json", result, cancellationToken);
    }

    public async Task<SimulationResult?> ResultAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) ? await DownloadAsync<SimulationResult>($"{id}/result.json", cancellationToken).ConfigureAwait(false) : null;

    private static string SegmentName(string id, int shard, int segment) => $"{id}/segments/{shard:D4}/{segment:D6}.json";

    /// <summary>The blob read as <typeparamref name="T"/>, or null when there is none by that name.</summary>
    private async Task<T?> DownloadAsync<T>(string name, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<T>(TariffsJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task UploadAsync<T>(string name, T value, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, TariffsJson.Options)), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An id a simulation can have (letters, digits and '-'): anything else names no blob of this container.</summary>
    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
