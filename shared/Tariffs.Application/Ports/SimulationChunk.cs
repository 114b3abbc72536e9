using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Ports;

/// <summary>
/// Where one chunk (one ledger shard) of a simulation stands, saved with each checkpoint: lines done so far (priced or
/// refused by the engine), the last line done (<see cref="After"/>: a chunk delivered again reads on from there) and
/// how many segments of household sums it has stored (<see cref="Segments"/>, numbered from 0: the households whose
/// lines were all done by that checkpoint, in <see cref="Currency"/>); <see cref="Completed"/> once its last line is
/// done. A household's lines are all in one shard and read one after another, so a household is in one segment only.
/// </summary>
public sealed record SimulationChunk(int Shard, long LinesDone, long Refused, bool Completed, string Currency)
{
    /// <summary>The last line done, in the shard's read order (<see cref="ILedger.ReadShardAsync"/>); null before the first checkpoint.</summary>
    public LedgerLineId? After { get; init; }

    /// <summary>Segments of household sums stored (0 to <c>Segments − 1</c>); a segment beyond is not counted (a checkpoint interrupted after writing it).</summary>
    public int Segments { get; init; }
}
