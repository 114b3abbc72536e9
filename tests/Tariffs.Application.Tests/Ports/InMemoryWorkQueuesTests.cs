using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The work queues contract on the in-memory adapter (visible: sent without a delay).</summary>
public sealed class InMemoryWorkQueuesTests : WorkQueuesContract
{
    protected override Task<(IWorkQueues Queues, Func<string, Task<IReadOnlyList<string>>> Visible)> NewQueuesAsync(params string[] queues)
    {
        var memory = new InMemoryWorkQueues();
        return Task.FromResult<(IWorkQueues, Func<string, Task<IReadOnlyList<string>>>)>((memory,
            queue => Task.FromResult<IReadOnlyList<string>>([.. memory.Peek(queue).Where(m => m.Delay == TimeSpan.Zero).Select(m => m.Body)])));
    }
}
