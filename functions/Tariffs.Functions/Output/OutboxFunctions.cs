using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Output;

namespace Tariffs.Functions.Output;

/// <summary>
/// Sends the publications of corrections that a stopped recomputation stored but did not send (the ledger's outbox),
/// every five minutes.
/// </summary>
public sealed class OutboxFunctions(PublicationOutbox outbox)
{
    /// <summary>NCRONTAB schedule (UTC) of the sweep.</summary>
    public const string Schedule = "0 */5 * * * *";

    [Function(nameof(SendPendingPublications))]
    public Task SendPendingPublications([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        outbox.SendPendingAsync(cancellationToken);
}
