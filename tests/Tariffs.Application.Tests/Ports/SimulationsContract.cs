using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Application.Simulations;
using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="ISimulations"/> (<see cref="InMemorySimulationsTests"/>, <see cref="BlobSimulationsTests"/>):
/// a record reads back as saved and is replaced by a later save; a chunk's checkpoint is kept by shard, so saving a shard
/// again replaces it (never a second one); chunks read back in shard order, whole, only the simulation's own; a segment
/// of household sums by shard and number, in its order; the result whole.
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
    public async Task A_chunk_saved_again_replaces_its_checkpoint_and_chunks_read_back_in_shard_order()
    {
        var simulations = await NewSimulationsAsync();
        var (id, other) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

        await simulations.SaveChunkAsync(id, new SimulationChunk(3, 10_000, 0, false, "EUR") { After = new LedgerLineId("h-9", "b", 7), Segments = 1 }, CancellationToken.None);
        await simulations.SaveChunkAsync(id, new SimulationChunk(1, 2, 1, true, "EUR") { After = new LedgerLineId("h-2", "b", 2), Segments = 1 }, CancellationToken.None);
        await simulations.SaveChunkAsync(id, new SimulationChunk(3, 12_345, 2, true, "EUR") { After = new LedgerLineId("h-3", "b|2", 12), Segments = 2 }, CancellationToken.None);
        await simulations.SaveChunkAsync(other, new SimulationChunk(0, 1, 0, true, "EUR"), CancellationToken.None);

        var chunks = await simulations.ChunksAsync(id, CancellationToken.None);
        Assert.Equal([(1, 2L, true, 1), (3, 12_345L, true, 2)], chunks.Select(c => (c.Shard, c.LinesDone, c.Completed, c.Segments)));
        Assert.Equal((2L, "EUR", (LedgerLineId?)new LedgerLineId("h-3", "b|2", 12)), (chunks[1].Refused, chunks[1].Currency, chunks[1].After));
        Assert.Null((await simulations.ChunksAsync(other, CancellationToken.None))[0].After);
    }

    [Fact]
    public async Task A_segment_reads_back_in_the_order_saved_and_a_later_save_replaces_it()
    {
        var simulations = await NewSimulationsAsync();
        var (id, other) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

        await simulations.SaveSegmentAsync(id, 2, 0, [Change("h-2", 85.60m), Change("h-1", 93.60m)], CancellationToken.None);
        await simulations.SaveSegmentAsync(id, 2, 1, [Change("h-3", 85.60m)], CancellationToken.None);
        await simulations.SaveSegmentAsync(id, 2, 1, [Change("h-4", 85.60m)], CancellationToken.None);
        await simulations.SaveSegmentAsync(other, 2, 0, [Change("h-5", 85.60m)], CancellationToken.None);

        Assert.Equal([Change("h-2", 85.60m), Change("h-1", 93.60m)], await simulations.SegmentAsync(id, 2, 0, CancellationToken.None));
        Assert.Equal(-8.00m, (await simulations.SegmentAsync(id, 2, 0, CancellationToken.None))[0].Change);
        Assert.Equal([Change("h-4", 85.60m)], await simulations.SegmentAsync(id, 2, 1, CancellationToken.None));
        Assert.Empty(await simulations.SegmentAsync(id, 3, 0, CancellationToken.None));
    }

    [Fact]
    public async Task A_result_reads_back_as_saved_and_none_before()
    {
        var simulations = await NewSimulationsAsync();
        var id = Guid.NewGuid().ToString("N");
        var cell = new SimulationCell("2022", "A", "EUR", false, 23, 528.00m, 624.00m, 12, 0, 11, 12, 12,
            new Dictionary<string, int?> { ["better off 0 to 10"] = 12, ["worse off 0 to 10"] = null })
        {
            EligibleNow = 12, EligibleDraft = 12, TakeUpNow = 1.0, TakeUpDraft = 1.0, HouseholdsWithKnownIncome = 23, AboveThresholdBefore = 12, AboveThresholdNow = 12, AboveThresholdDraft = 0,
        };
        var hidden = new SimulationCell("2022", "B", "EUR", true, null, null, null, null, null, null, null, null, new Dictionary<string, int?>());

        Assert.Null(await simulations.ResultAsync(id, CancellationToken.None));
        await simulations.SaveResultAsync(id, new SimulationResult(39, 1, [cell, hidden], [new SimulationSegment(0, 0, 20), new SimulationSegment(2, 0, 58)]), CancellationToken.None);

        var result = (await simulations.ResultAsync(id, CancellationToken.None))!;
        Assert.Equal((39L, 1L), (result.LinesDone, result.Refused));
        Assert.Equal([new SimulationSegment(0, 0, 20), new SimulationSegment(2, 0, 58)], result.Segments);
        Assert.Equal(cell with { Bands = null! }, result.Cells[0] with { Bands = null! });
        Assert.Equal(cell.Bands, result.Cells[0].Bands);
        Assert.Equal((true, (decimal?)null), (result.Cells[1].Suppressed, result.Cells[1].SocialCostNow));
    }
}
