using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IBatches"/>, run against the in-memory and the Table adapter: a batch id keeps its
/// first record (an accepted batch replaces a refused one), a chunk recorded again replaces itself, and the status
/// adds the chunks up — processing, completed, completed with failures, refused.
/// </summary>
public abstract class BatchesContract
{
    private static readonly DateTimeOffset Received = new(2022, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty store, or one shared with other tests (each test uses batch ids of its own).</summary>
    protected abstract Task<IBatches> NewBatchesAsync();

    private static string Unique(string prefix) => $"{prefix}/{Guid.NewGuid():N}#"; // characters keys forbid, escaped by the Table adapter

    private static BatchRecord Header(string batchId, string @operator = "op", int chunks = 2, string hash = "h1", string refusal = "") => new()
    {
        BatchId = batchId, Operator = @operator, Authority = "dunkerque", Service = "water", Currency = "EUR", BlobName = "b",
        Lines = 3_000, Chunks = chunks, ReceivedAt = Received, ContentHash = hash, Refusal = refusal,
    };

    private static ChunkRecord Chunk(int number, int priced, int rejected, string failure = "") => new()
    {
        Chunk = number, Lines = priced + rejected, Priced = priced, Rejected = rejected, Adjustments = priced / 2,
        Failed = failure.Length > 0 ? rejected : 0, FailureReason = failure, CompletedAt = Received,
    };

    [Fact]
    public async Task A_batch_id_keeps_its_first_record_and_an_accepted_batch_replaces_a_refused_one()
    {
        var store = await NewBatchesAsync();
        var (claimed, refused) = (Unique("b"), Unique("r"));

        Assert.Null(await store.ClaimAsync(Header(claimed), CancellationToken.None));
        var taken = await store.ClaimAsync(Header(claimed, "other-op", hash: "h2"), CancellationToken.None);
        Assert.Equal(("op", "h1", false), (taken!.Operator, taken.ContentHash, taken.Split));
        await store.MarkSplitAsync(claimed, CancellationToken.None);
        Assert.True((await store.ClaimAsync(Header(claimed), CancellationToken.None))!.Split);

        await store.SaveHeaderAsync(Header(refused, chunks: 0, refusal: "no catalog"), CancellationToken.None);
        await store.SaveHeaderAsync(Header(refused, "second", chunks: 0, refusal: "another"), CancellationToken.None);
        Assert.Equal(("refused", "no catalog", "op"), await StateAsync(store, refused));
        Assert.Null(await store.ClaimAsync(Header(refused, "third"), CancellationToken.None));
        Assert.Equal(("processing", (string?)null, "third"), await StateAsync(store, refused));
    }

    private static async Task<(string, string?, string)> StateAsync(IBatches store, string batchId) =>
        await store.GetStatusAsync(batchId, CancellationToken.None) is { } s ? (s.State, s.Refusal, s.Operator) : default;

    [Fact]
    public async Task The_status_adds_up_the_chunks_done_and_a_chunk_recorded_again_counts_once()
    {
        var store = await NewBatchesAsync();
        var batch = Unique("b");
        Assert.Null(await store.GetStatusAsync(batch, CancellationToken.None));
        await store.ClaimAsync(Header(batch, chunks: 3), CancellationToken.None);

        await store.SaveChunkAsync(batch, Chunk(1, 1_990, 10), CancellationToken.None);
        await store.SaveChunkAsync(batch, Chunk(1, 1_990, 10), CancellationToken.None);
        var processing = (await store.GetStatusAsync(batch, CancellationToken.None))!;
        Assert.Equal(("processing", 1, 1_990, 10, 995), (processing.State, processing.ChunksDone, processing.LinesPriced, processing.LinesRejected, processing.AdjustmentsWritten));

        await store.SaveChunkAsync(batch, Chunk(2, 500, 0), CancellationToken.None);
        await store.SaveChunkAsync(batch, Chunk(0, 0, 500, "storage unavailable"), CancellationToken.None);
        var done = (await store.GetStatusAsync(batch, CancellationToken.None))!;
        Assert.Equal(("completedWithFailures", 3, 2_490, 510, 1, 500), (done.State, done.ChunksDone, done.LinesPriced, done.LinesRejected, done.ChunksFailed, done.LinesFailed));
        Assert.Equal("chunk|000000: storage unavailable", done.Failure);
        Assert.Equal((batch, 3_000, 3, Received), (done.BatchId, done.LinesReceived, done.ChunksTotal, done.ReceivedAt));

        await store.SaveChunkAsync(batch, Chunk(0, 500, 0), CancellationToken.None); // reprocessed after all
        Assert.Equal("completed", (await store.GetStatusAsync(batch, CancellationToken.None))!.State);
    }
}
