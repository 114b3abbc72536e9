using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly.CircuitBreaker;
using Tariffs.Application.Json;
using Tariffs.Application.Telemetry;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Output;

/// <summary>
/// Delivers publications to operators' webhooks. A delivery that still fails after the client's retries is
/// kept in table <c>deliveries</c> with its payload and error, and replayed later (<see cref="ReplayAsync"/>),
/// never dropped.
/// </summary>
public sealed partial class WebhookDelivery(
    WebhookSender sender,
    IDeliveries deliveries,
    IOptions<WebhookOptions> options,
    IClock clock,
    ILogger<WebhookDelivery> logger)
{
    /// <summary>Delivers one publication (a message of <c>webhook-deliveries</c>); returns true when delivered.</summary>
    public async Task<bool> DeliverAsync(string json, CancellationToken cancellationToken)
    {
        var publication = JsonSerializer.Deserialize<AdjustmentPublication>(json, TariffsJson.Options)
            ?? throw new JsonException("An empty publication.");
        if (!options.Value.Operators.TryGetValue(publication.Operator, out var endpoint))
            return false;
        var error = await TrySendAsync(endpoint, publication.DeliveryId, json, cancellationToken).ConfigureAwait(false);
        if (error is null)
            return true;
        await deliveries.SaveFailedAsync(new FailedDelivery
        {
            Operator = publication.Operator,
            DeliveryId = publication.DeliveryId,
            Payload = json,
            Attempts = 1,
            LastError = error,
            FirstFailedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        }, cancellationToken).ConfigureAwait(false);
        TariffsTelemetry.RecordWebhookFailure(publication.Operator, kept: true);
        LogKept(logger, publication.DeliveryId, publication.Operator, error);
        return false;
    }

    /// <summary>Retries every kept delivery; returns how many went through.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var delivery in await deliveries.PendingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!options.Value.Operators.TryGetValue(delivery.Operator, out var endpoint))
                continue;
            var error = await TrySendAsync(endpoint, delivery.DeliveryId, delivery.Payload, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                await deliveries.MarkDeliveredAsync(delivery, clock.GetCurrentInstant().ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);
                delivered++;
                continue;
            }
            TariffsTelemetry.RecordWebhookFailure(delivery.Operator, kept: false);
            delivery.Attempts++;
            delivery.LastError = error;
            await deliveries.SaveFailedAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
        return delivered;
    }

    /// <summary>Null when delivered, else what went wrong.</summary>
    private async Task<string?> TrySendAsync(WebhookEndpoint endpoint, string deliveryId, string json, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(endpoint, deliveryId, json, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to operator {Operator} failed after retries and is kept for replay: {Error}")]
    private static partial void LogKept(ILogger logger, string deliveryId, string @operator, string error);
}
