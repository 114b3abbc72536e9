using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Application.Simulations;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="ISimulations"/> (<see cref="InMemorySimulationsTests"/>, <see cref="BlobSimulationsTests"/>):
/// a record reads back as saved and is replaced by a later save; a chunk's result is kept by shard, so saving a shard
/// again replaces it (never a second result); chunks read back in shard order, whole, only the simulation's own.
/// </summary>
public abstract class SimulationsContract
{
    /// <summary>A store, new or shared (each test uses ids of its own).</summary>
    protected abstract Task<ISimulations> NewSimulationsAsync();

    private static SimulationRecord Record(string id) => new(id, "dunkerque", "water", new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31),
        "{\"draft\":true}", "{\"published\":true}", Instant.FromUtc(2023, 2, 1, 8, 0), 8);

    private static HouseholdChange Change(string household, decimal netDraft) => new("2022", "A", household, 93.60m, netDraft, 44.00m, 52.00m)
    {
        StandardNow = 137.60m, StandardDraft = 137.60m, BillNow = 93.60m, BillDraft = netDraft, EligibleNow = true, EligibleDraft = true, AnnualIncome = 3_000.50m,
    };

    [Fact]
    public async Task A_record_reads_back_as_saved_and_a_later_save_replaces_it()
    {
        var simulations = await NewSimulationsAsync();
        var id = Guid.NewGuid().ToString("N");

        Assert.Null(await simulations.FindAsync(id, CancellationToken.None));
        await simulations.SaveAsync(Record(id), CancellationToken.None);
        Assert.Equal(Record(id), await simulations.FindAsync(id, CancellationToken.None));
        await simulations.SaveAsync(Record(id) with { LinesTotal = 39, Error = "why" }, CancellationToken.None);
        Assert.Equal(Record(id) with { LinesTotal = 39, Error = "why" }, await simulations.FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_chunk_saved_again_replaces_its_result_and_chunks_read_back_in_shard_order()
    {
        var simulations = await NewSimulationsAsync();
        var (id, other) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

        await simulations.SaveChunkAsync(id, new SimulationChunk(3, 10_000, 0, false, "EUR", []), CancellationToken.None);
        await simulations.SaveChunkAsync(id, new SimulationChunk(1, 2, 1, true, "EUR", [Change("h-1", 85.60m), Change("h-2", 93.60m)]), CancellationToken.None);
        await simulations.SaveChunkAsync(id, new SimulationChunk(3, 12_345, 2, true, "EUR", [Change("h-3", 85.60m)]), CancellationToken.None);
        await simulations.SaveChunkAsync(other, new SimulationChunk(0, 1, 0, true, "EUR", []), CancellationToken.None);

        var chunks = await simulations.ChunksAsync(id, CancellationToken.None);
        Assert.Equal([(1, 2L, true), (3, 12_345L, true)], chunks.Select(c => (c.Shard, c.LinesDone, c.Completed)));
        Assert.Equal([Change("h-1", 85.60m), Change("h-2", 93.60m)], chunks[0].Households);
        Assert.Equal(-8.00m, chunks[0].Households[0].Change);
        Assert.Equal((2L, "EUR"), (chunks[1].Refused, chunks[1].Currency));
    }
}
