namespace Tariffs.Application.Intake;

/// <summary>Intake settings (configuration section <c>Tariffs:Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Tariffs:Intake";

    /// <summary>Lines per chunk message: the bounded unit of work of a large batch.</summary>
    public int ChunkSize { get; set; } = 2000;

    /// <summary>
    /// Chunks one process prices at once; more delivered wait their turn before their bytes are read. What a chunk holds
    /// (its lines, ledger rows and storage requests, a few MB for 2,000 lines) times this bounds the memory of pricing,
    /// whatever the queue trigger delivers at once; a few in flight keep storage busy, more only add memory and
    /// garbage-collection work.
    /// </summary>
    public int ChunksInFlight { get; set; } = 4;
}
