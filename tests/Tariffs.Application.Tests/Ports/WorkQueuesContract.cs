using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IWorkQueues"/>, run against the in-memory and the Queue adapter: messages sent to a
/// queue are there, as sent and in order, on that queue alone; a message sent with a delay is not visible before it.
/// </summary>
public abstract class WorkQueuesContract
{
    /// <summary>The queues, and what a receiver sees on a queue now (bodies, oldest first); each test uses queues of its own.</summary>
    protected abstract Task<(IWorkQueues Queues, Func<string, Task<IReadOnlyList<string>>> Visible)> NewQueuesAsync(params string[] queues);

    private static string Unique() => "t" + Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task Messages_sent_to_a_queue_are_visible_there_as_sent_and_in_order()
    {
        var (a, b) = (Unique(), Unique());
        var (queues, visible) = await NewQueuesAsync(a, b);
        const string Json = """{"householdId":"h/1","cause":"ä — \u2028"}""";

        await queues.SendAsync(a, Json, null, CancellationToken.None);
        await queues.SendAsync(a, "second", null, CancellationToken.None);
        await queues.SendAsync(b, "other", null, CancellationToken.None);

        Assert.Equal([Json, "second"], await visible(a));
        Assert.Equal(["other"], await visible(b));
    }

    [Fact]
    public async Task A_message_sent_with_a_delay_is_not_visible_before_it()
    {
        var queue = Unique();
        var (queues, visible) = await NewQueuesAsync(queue);

        await queues.SendAsync(queue, "later", TimeSpan.FromMinutes(5), CancellationToken.None);
        await queues.SendAsync(queue, "now", TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(["now"], await visible(queue));
    }
}
