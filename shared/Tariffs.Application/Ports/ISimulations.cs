using Tariffs.Application.Simulations;

namespace Tariffs.Application.Ports;

/// <summary>
/// Queued reform simulations (<see cref="SimulationRunner"/>): each request with its draft and the published catalog
/// it is compared with, where each of its chunks stands (its checkpoint), the segments of household sums its chunks
/// stored, and the result combined once every chunk completed. Every write replaces what is under its key (a chunk's
/// shard, a segment's shard and number), so work done again (a message delivered again) is never counted twice.
/// Nothing here is the ledger. Implementations must pass the one contract suite (tests: <c>SimulationsContract</c>).
/// </summary>
public interface ISimulations
{
    /// <summary>Stores (replaces) a simulation's record.</summary>
    Task SaveAsync(SimulationRecord record, CancellationToken cancellationToken);

    /// <summary>The record of a simulation, or null when there is none by that id.</summary>
    Task<SimulationRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) where one chunk of a simulation stands, keyed by <see cref="SimulationChunk.Shard"/>.</summary>
    Task SaveChunkAsync(string id, SimulationChunk chunk, CancellationToken cancellationToken);

    /// <summary>Where the chunks of a simulation stand, one per chunk saved so far, in chunk order.</summary>
    Task<IReadOnlyList<SimulationChunk>> ChunksAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) segment <paramref name="segment"/> of chunk <paramref name="shard"/>: household sums, in the order given.</summary>
    Task SaveSegmentAsync(string id, int shard, int segment, IReadOnlyList<HouseholdChange> households, CancellationToken cancellationToken);

    /// <summary>A segment's household sums in the order saved; empty when it was never saved.</summary>
    Task<IReadOnlyList<HouseholdChange>> SegmentAsync(string id, int shard, int segment, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) the result of a completed simulation.</summary>
    Task SaveResultAsync(string id, SimulationResult result, CancellationToken cancellationToken);

    /// <summary>The result of a simulation, or null until it is combined.</summary>
    Task<SimulationResult?> ResultAsync(string id, CancellationToken cancellationToken);
}
