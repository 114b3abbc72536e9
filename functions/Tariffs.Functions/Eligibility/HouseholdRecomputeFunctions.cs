using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Messages;

namespace Tariffs.Functions.Eligibility;

/// <summary>Recomputes a household's billed lines after its eligibility changed (queue <c>household-recompute</c>).</summary>
public sealed class HouseholdRecomputeFunctions(HouseholdRecomputer recomputer, MessageGuard guard)
{
    [Function(nameof(RecomputeHousehold))]
    public Task RecomputeHousehold([QueueTrigger(QueueNames.HouseholdRecompute)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.HouseholdRecompute, message.MessageId, body, () => recomputer.HandleMessageAsync(body, cancellationToken), cancellationToken);
    }
}
