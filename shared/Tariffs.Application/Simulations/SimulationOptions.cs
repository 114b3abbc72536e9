namespace Tariffs.Application.Simulations;

/// <summary>How a queued simulation's chunks save their work (configuration section <see cref="Section"/>).</summary>
public sealed class SimulationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Tariffs:Simulations";

    /// <summary>
    /// Lines a chunk prices between two checkpoints (default 10,000): each checkpoint stores the households done since
    /// the last (a segment) and where the chunk stands, so a chunk delivered again redoes at most this many lines (and
    /// the lines of one household) and holds at most these lines' households in memory.
    /// </summary>
    public int CheckpointLines { get; set; } = 10_000;
}
