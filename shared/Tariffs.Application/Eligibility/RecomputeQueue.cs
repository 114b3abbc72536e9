using System.Text.Json;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Eligibility;

/// <summary>Asks for a household's billed lines to be recomputed: a <see cref="RecomputeMessage"/> on queue <c>household-recompute</c>.</summary>
public sealed class RecomputeQueue(IWorkQueues queues)
{
    /// <summary>Queues the recomputation of one household; <paramref name="cause"/> is noted on the corrections it writes.</summary>
    public Task EnqueueAsync(string householdId, string cause, CancellationToken cancellationToken) =>
        queues.SendAsync(QueueNames.HouseholdRecompute, JsonSerializer.Serialize(new RecomputeMessage(householdId, cause), TariffsJson.Options), null, cancellationToken);
}
