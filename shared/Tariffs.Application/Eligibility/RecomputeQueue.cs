using System.Text.Json;
using Azure.Storage.Queues;
using Tariffs.Application.Json;
using Tariffs.Storage.Queues;

namespace Tariffs.Application.Eligibility;

/// <summary>Asks for a household's billed lines to be recomputed: a <see cref="RecomputeMessage"/> on queue <c>household-recompute</c>.</summary>
public sealed class RecomputeQueue(QueueServiceClient queues)
{
    private readonly QueueClient queue = queues.GetQueueClient(QueueNames.HouseholdRecompute);

    /// <summary>Queues the recomputation of one household; <paramref name="cause"/> is noted on the corrections it writes.</summary>
    public Task EnqueueAsync(string householdId, string cause, CancellationToken cancellationToken) =>
        queue.SendMessageAsync(JsonSerializer.Serialize(new RecomputeMessage(householdId, cause), TariffsJson.Options), cancellationToken);
}
