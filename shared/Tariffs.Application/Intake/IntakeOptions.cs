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
    /// garbage-collection work. The local host sets 2 (its appsettings.json): there the host shares 2 cores with Azurite and
    /// chunks wait on CPU, not on storage latency — a 100,000-line batch peaked at 248–258 MB in the same time with 2 as
    /// at 277–282 MB with 4, using ~8 % less host CPU. In Azure a chunk waits on storage round trips, so more in flight pay.
    /// </summary>
    public int ChunksInFlight { get; set; } = 4;
}
