using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IRejections"/>, run against the in-memory and the Table adapter: the first rejection
/// of a key wins, many at once cross transaction sizes, texts are cut the same way, ids with characters Table keys
/// forbid come back as given, a partition reads back in key order and alone, the last error of a message is replaced.
/// </summary>
public abstract class RejectionsContract
{
    /// <summary>A new, empty store, or one shared with other tests (each test uses partitions of its own).</summary>
    protected abstract Task<IRejections> NewRejectionsAsync();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static async Task<List<Rejection>> InPartitionAsync(IRejections rejections, string partition)
    {
        var list = new List<Rejection>();
        await foreach (var r in rejections.InPartitionAsync(partition, CancellationToken.None))
            list.Add(r);
        return list;
    }

    [Fact]
    public async Task The_first_rejection_of_a_key_wins_and_a_rerun_stores_nothing()
    {
        var store = await NewRejectionsAsync();
        var batch = Unique("batch");
        var first = Enumerable.Range(1, 150).Select(i => new Rejection(batch, Rejection.LineKey(i), "billing-batches", $"first {i}", "{}")).ToList();

        Assert.Equal(150, await store.AddAsync(first, CancellationToken.None));
        Assert.Equal(0, await store.AddAsync(first.Select(r => r with { Reason = "later" }), CancellationToken.None));

        var stored = await InPartitionAsync(store, batch);
        Assert.Equal(first.Select(r => r.Key), stored.Select(r => r.Key)); // key order: line numbers are zero-padded
        Assert.All(stored, r => Assert.StartsWith("first", r.Reason, StringComparison.Ordinal));
        Assert.True(await store.ExistsAsync(batch, Rejection.LineKey(150), CancellationToken.None));
        Assert.False(await store.ExistsAsync(batch, Rejection.LineKey(151), CancellationToken.None));
    }

    [Fact]
    public async Task Pages_of_a_partition_follow_each_other_in_key_order_and_the_last_says_there_is_no_more()
    {
        var store = await NewRejectionsAsync();
        var batch = Unique("paged");
        await store.AddAsync(Enumerable.Range(1, 7).Select(i => new Rejection(batch, Rejection.LineKey(i), "billing-batches", $"reason {i}", "{}")), CancellationToken.None);

        var first = await store.PageAsync(batch, null, 3, CancellationToken.None);
        var second = await store.PageAsync(batch, first.Next, 3, CancellationToken.None);
        var third = await store.PageAsync(batch, second.Next, 3, CancellationToken.None);
        var exact = await store.PageAsync(batch, null, 7, CancellationToken.None);

        Assert.Equal(["reason 1", "reason 2", "reason 3"], first.Items.Select(r => r.Reason));
        Assert.Equal(Rejection.LineKey(3), first.Next);
        Assert.Equal(["reason 4", "reason 5", "reason 6"], second.Items.Select(r => r.Reason));
        Assert.Equal(["reason 7"], third.Items.Select(r => r.Reason));
        Assert.Null(third.Next);
        Assert.Equal((7, null), (exact.Items.Count, exact.Next));
        Assert.Empty((await store.PageAsync(Unique("none"), null, 3, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Ids_with_characters_keys_forbid_come_back_as_given_and_partitions_stay_apart()
    {
        var store = await NewRejectionsAsync();
        var u = Unique("p");
        string[] partitions = [$"a/{u}", $"a#{u}", $"a~2F{u}"];

        foreach (var p in partitions)
            await store.AddAsync([new Rejection(p, "line|0000000001", "s", $"reason of {p}", "x")], CancellationToken.None);

        foreach (var p in partitions)
            Assert.Equal((p, "line|0000000001", $"reason of {p}"), Assert.Single(await InPartitionAsync(store, p)) is var r ? (r.Partition, r.Key, r.Reason) : default);
        Assert.Empty(await InPartitionAsync(store, $"a?{u}"));
    }

    [Fact]
    public async Task Long_or_malformed_texts_are_cut_as_stored()
    {
        var store = await NewRejectionsAsync();
        var batch = Unique("batch");
        var reason = new string('r', 5_000);
        var excerpt = "\uD800" + new string('e', 2_000); // a lone surrogate first

        await store.AddAsync([new Rejection(batch, "k", "s", reason, excerpt)], CancellationToken.None);

        var stored = Assert.Single(await InPartitionAsync(store, batch));
        Assert.Equal(new string('r', Rejection.MaxReason - 1) + "…", stored.Reason);
        Assert.Equal(Rejection.MaxExcerpt, stored.Excerpt.Length);
        Assert.Equal('\uFFFD', stored.Excerpt[0]);
    }

    [Fact]
    public async Task The_last_error_of_a_message_is_replaced_and_kept_by_body()
    {
        var store = await NewRejectionsAsync();
        var queue = Unique("queue");

        Assert.Null(await store.LastErrorAsync(queue, "{\"a\":1}", CancellationToken.None));
        await store.SaveLastErrorAsync(queue, "{\"a\":1}", "first", CancellationToken.None);
        await store.SaveLastErrorAsync(queue, "{\"a\":1}", "second", CancellationToken.None);
        await store.SaveLastErrorAsync(queue, "{\"a\":2}", "other body", CancellationToken.None);

        Assert.Equal("second", await store.LastErrorAsync(queue, "{\"a\":1}", CancellationToken.None));
        Assert.Equal("other body", await store.LastErrorAsync(queue, "{\"a\":2}", CancellationToken.None));
        Assert.Empty(await InPartitionAsync(store, queue)); // last errors are not rejections
    }
}
