using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IPoisonQueues"/>, run against the in-memory and the Queue adapter: a message comes
/// back with its body as stored, at most as many as asked; a received message is hidden from other receives for the
/// time asked, then received again with a new receipt; deleting takes the latest receipt and removes the message for
/// good; a queue never created has nothing.
/// </summary>
public abstract class PoisonQueuesContract
{
    /// <summary>Receive visibility in the tests that wait for it to pass (Queue storage counts it in whole seconds).</summary>
    private static readonly TimeSpan Briefly = TimeSpan.FromSeconds(1);

    /// <summary>The queues, and how to put a body on a queue as stored (creating the queue); each test uses queues of its own.</summary>
    protected abstract Task<(IPoisonQueues Queues, Func<string, string, Task> Put)> NewQueuesAsync();

    private static string Unique() => "t" + Guid.NewGuid().ToString("N")[..20] + "-poison";

    private static Task<IReadOnlyList<RawQueueMessage>> ReceiveAsync(IPoisonQueues queues, string queue, TimeSpan hidden, int max = 32) =>
        queues.ReceiveAsync(queue, max, hidden, CancellationToken.None);

    /// <summary>Waits until a visibility of <see cref="Briefly"/> has surely passed.</summary>
    private static Task PassAsync() => Task.Delay(Briefly + TimeSpan.FromMilliseconds(1_500));

    [Fact]
    public async Task A_queue_never_created_has_nothing()
    {
        var (queues, _) = await NewQueuesAsync();

        Assert.Empty(await ReceiveAsync(queues, Unique(), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Messages_come_back_with_their_bodies_as_stored_at_most_as_many_as_asked()
    {
        var (queues, put) = await NewQueuesAsync();
        var queue = Unique();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await put(queue, "eyJiYXRjaElkIjoiYiJ9"); // Base64: returned as is, not decoded
        await put(queue, "{not base64 ä");
        await put(queue, "third");

        var first = await ReceiveAsync(queues, queue, TimeSpan.FromMinutes(1), max: 2);
        var rest = await ReceiveAsync(queues, queue, TimeSpan.FromMinutes(1));

        Assert.Equal(2, first.Count);
        Assert.Equal(["eyJiYXRjaElkIjoiYiJ9", "third", "{not base64 ä"], first.Concat(rest).Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.Equal(3, first.Concat(rest).Select(m => m.Id).Distinct().Count());
        Assert.All(first.Concat(rest), m => Assert.InRange(m.InsertedOn!.Value, before, DateTimeOffset.UtcNow.AddMinutes(1)));
        await Assert.ThrowsAnyAsync<Exception>(() => ReceiveAsync(queues, queue, TimeSpan.FromMinutes(1), max: 33));
    }

    [Fact]
    public async Task A_received_message_is_hidden_for_the_time_asked_then_comes_back_with_a_new_receipt()
    {
        var (queues, put) = await NewQueuesAsync();
        var queue = Unique();
        await put(queue, "poison");

        var received = Assert.Single(await ReceiveAsync(queues, queue, Briefly));
        Assert.Empty(await ReceiveAsync(queues, queue, Briefly));
        await PassAsync();
        var again = Assert.Single(await ReceiveAsync(queues, queue, Briefly));

        Assert.Equal((received.Id, "poison"), (again.Id, again.Body));
        Assert.NotEqual(received.Receipt, again.Receipt);
    }

    [Fact]
    public async Task Deleting_takes_the_latest_receipt_and_removes_the_message_for_good()
    {
        var (queues, put) = await NewQueuesAsync();
        var queue = Unique();
        await put(queue, "deleted");
        await put(queue, "kept");
        var stale = Assert.Single(await ReceiveAsync(queues, queue, Briefly, max: 1));
        await PassAsync();
        var received = await ReceiveAsync(queues, queue, Briefly);
        var latest = Assert.Single(received, m => m.Id == stale.Id);

        await Assert.ThrowsAnyAsync<Exception>(() => queues.DeleteAsync(queue, stale, CancellationToken.None));
        await queues.DeleteAsync(queue, latest, CancellationToken.None);
        await PassAsync();

        Assert.Equal([received.Single(m => m.Id != stale.Id).Body], (await ReceiveAsync(queues, queue, Briefly)).Select(m => m.Body));
        Assert.Equal(stale.Body, latest.Body);
    }
}
