using System.Collections.Concurrent;
using Tariffs.Application.Ports;

namespace Tariffs.Testing.InMemory;

/// <summary><see cref="ISimulations"/> in memory: records by id, chunk results by id and shard (saving again replaces). Thread-safe.</summary>
public sealed class InMemorySimulations : ISimulations
{
    private readonly ConcurrentDictionary<string, SimulationRecord> records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Id, int Shard), SimulationChunk> chunks = new();

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
}
