using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Json;
using Tariffs.Storage.Queues;

namespace Tariffs.Functions.Eligibility;

/// <summary>Recomputes a household's billed lines after its eligibility changed (queue <c>household-recompute</c>).</summary>
public sealed class HouseholdRecomputeFunctions(HouseholdRecomputer recomputer)
{
    [Function(nameof(RecomputeHousehold))]
    public Task RecomputeHousehold([QueueTrigger(QueueNames.HouseholdRecompute)] QueueMessage message, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<RecomputeMessage>(message.Body.ToString(), TariffsJson.Options)
            ?? throw new JsonException("An empty recompute message.");
        return recomputer.RecomputeAsync(request, cancellationToken);
    }
}
