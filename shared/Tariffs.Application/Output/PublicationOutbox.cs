using System.Text.Json;
using NodaTime;
using Tariffs.Application.Json;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Output;

/// <summary>
/// Sends the publications of corrections kept in the ledger's outbox (written with the corrections, in one
/// transaction) and deletes each once sent. What a stopped recomputation left is sent by <see cref="SendPendingAsync"/>,
/// on a timer: at least once, with the same delivery ids.
/// </summary>
public sealed class PublicationOutbox(ILedger ledger, AdjustmentPublisher publisher, IClock clock)
{
    /// <summary>How old an outbox row must be to count as left behind (its writer is surely done with it).</summary>
    public static readonly Duration LeftBehindAfter = Duration.FromMinutes(2);

    /// <summary>The payload to store in the outbox for a publication.</summary>
    public static string Payload(Publication publication) => JsonSerializer.Serialize(publication, TariffsJson.Options);

    /// <summary>Publishes what an outbox row holds, then deletes the row.</summary>
    public async Task SendAsync(PendingPublication outbox, CancellationToken cancellationToken)
    {
        var publication = JsonSerializer.Deserialize<Publication>(outbox.Payload, TariffsJson.Options)
            ?? throw new InvalidOperationException($"Outbox entry {outbox.Id} holds no publication.");
        await publisher.PublishAsync(publication, cancellationToken).ConfigureAwait(false);
        await ledger.CompletePublicationAsync(outbox, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends every publication left behind; returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var before = clock.GetCurrentInstant() - LeftBehindAfter;
        await foreach (var outbox in ledger.PendingPublicationsAsync(before, cancellationToken).ConfigureAwait(false))
        {
            await SendAsync(outbox, cancellationToken).ConfigureAwait(false);
            sent++;
        }
        return sent;
    }
}
