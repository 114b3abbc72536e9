using Azure.Storage.Queues;
using Tariffs.Application.Ports;
using Tariffs.Storage.Queues;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The work queues contract on Queue storage (Azurite), with Base64 messages as the host's client sends them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueWorkQueuesTests(AzuriteFixture azurite) : WorkQueuesContract
{
    protected override async Task<(IWorkQueues Queues, Func<string, Task<IReadOnlyList<string>>> Visible)> NewQueuesAsync(params string[] queues)
    {
        var service = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        foreach (var queue in queues)
            await service.GetQueueClient(queue).CreateIfNotExistsAsync();
        return (new WorkQueues(service), async queue =>
            [.. (await service.GetQueueClient(queue).PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString())]);
    }
}
