using Azure.Storage.Queues;
using Tariffs.Application.Ports;
using Tariffs.Storage.Queues;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The poison queues contract on Queue storage (Azurite), bodies put without encoding as the queue extension may leave them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueuePoisonQueuesTests(AzuriteFixture azurite) : PoisonQueuesContract
{
    protected override Task<(IPoisonQueues Queues, Func<string, string, Task> Put)> NewQueuesAsync()
    {
        var service = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        return Task.FromResult<(IPoisonQueues, Func<string, string, Task>)>((new PoisonQueues(new RawQueueService(service)), async (queue, body) =>
        {
            var client = service.GetQueueClient(queue);
            await client.CreateIfNotExistsAsync();
            await client.SendMessageAsync(body);
        }));
    }
}
