using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The poison queues contract on the in-memory adapter.</summary>
public sealed class InMemoryPoisonQueuesTests : PoisonQueuesContract
{
    protected override Task<(IPoisonQueues Queues, Func<string, string, Task> Put)> NewQueuesAsync()
    {
        var queues = new InMemoryPoisonQueues();
        return Task.FromResult<(IPoisonQueues, Func<string, string, Task>)>((queues, (queue, body) =>
        {
            queues.Put(queue, body);
            return Task.CompletedTask;
        }));
    }
}
