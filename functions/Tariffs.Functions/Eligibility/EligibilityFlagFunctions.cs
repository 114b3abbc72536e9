using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Tariffs.Functions.Eligibility;

/// <summary>Queue-triggered entry point for eligibility flags and revocations sent by social services.</summary>
public sealed class EligibilityFlagFunctions(ILogger<EligibilityFlagFunctions> logger)
{
    /// <summary>Queue carrying eligibility flags.</summary>
    public const string QueueName = "eligibility-flags";

    [Function(nameof(RecordEligibilityFlag))]
    public Task RecordEligibilityFlag([QueueTrigger(QueueName)] QueueMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Eligibility flag message {MessageId}", message.MessageId);
        return Task.CompletedTask;
    }
}
