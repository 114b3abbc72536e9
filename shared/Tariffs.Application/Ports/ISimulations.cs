namespace Tariffs.Application.Ports;

/// <summary>
/// Queued reform simulations (<see cref="Simulations.SimulationRunner"/>): each request with its draft and the published
/// catalog it is compared with, and the result of each of its chunks, kept apart by chunk so that a chunk run twice
/// (a message delivered again) replaces its own result and is never counted twice. Nothing here is the ledger.
/// Implementations must pass the one contract suite (tests: <c>SimulationsContract</c>).
/// </summary>
public interface ISimulations
{
    /// <summary>Stores (replaces) a simulation's record.</summary>
    Task SaveAsync(SimulationRecord record, CancellationToken cancellationToken);

    /// <summary>The record of a simulation, or null when there is none by that id.</summary>
    Task<SimulationRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) the result of one chunk of a simulation, keyed by <see cref="SimulationChunk.Shard"/>.</summary>
    Task SaveChunkAsync(string id, SimulationChunk chunk, CancellationToken cancellationToken);

    /// <summary>The results of the chunks of a simulation stored so far, one per chunk, in chunk order.</summary>
    Task<IReadOnlyList<SimulationChunk>> ChunksAsync(string id, CancellationToken cancellationToken);
}
