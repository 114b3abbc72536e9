using System.Collections.Concurrent;
using Tariffs.Application.Ports;
using Tariffs.Application.Simulations;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="ISimulations"/> in memory: records by id, chunks by id and shard, segments by id, shard and number, results
/// by id (saving again replaces). Thread-safe.
/// </summary>
public sealed class InMemorySimulations : ISimulations
{
    private readonly ConcurrentDictionary<string, SimulationRecord> records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Id, int Shard), SimulationChunk> chunks = new();
    private readonly ConcurrentDictionary<(string Id, int Shard, int Segment), IReadOnlyList<HouseholdChange>> segments = new();
    private readonly ConcurrentDictionary<string, SimulationResult> results = new(StringComparer.Ordinal);

    public Task SaveAsync(SimulationRecord record, CancellationToken cancellationToken)
    {
        records[record.Id] = record;
        return Task.CompletedTask;
    }

    public Task<SimulationRecord?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(records.GetValueOrDefault(id));

    public Task SaveChunkAsync(string id, SimulationChunk chunk, CancellationToken cancellationToken)
    {
        chunks[(id, chunk.Shard)] = chunk;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SimulationChunk>> ChunksAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SimulationChunk>>([.. chunks.Where(c => c.Key.Id == id).OrderBy(c => c.Key.Shard).Select(c => c.Value)]);

    public Task SaveSegmentAsync(string id, int shard, int segment, IReadOnlyList<HouseholdChange> households, CancellationToken cancellationToken)
    {
        segments[(id, shard, segment)] = [.. households];
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HouseholdChange>> SegmentAsync(string id, int shard, int segment, CancellationToken cancellationToken) =>
        Task.FromResult(segments.GetValueOrDefault((id, shard, segment)) ?? []);

    public Task SaveResultAsync(string id, SimulationResult result, CancellationToken cancellationToken)
    {
        results[id] = result;
        return Task.CompletedTask;
    }

    public Task<SimulationResult?> ResultAsync(string id, CancellationToken cancellationToken) => Task.FromResult(results.GetValueOrDefault(id));
}
