using System.Globalization;
using System.Text;
using NodaTime;

namespace Tariffs.Application.Output;

/// <summary>
/// POSTs a delivery signed per Standard Webhooks (<see cref="WebhookSignature"/>) to an operator's webhook through the resilient HttpClient (retries with jittered
/// backoff, per-attempt timeout, circuit breaker: see <see cref="WebhookResilience"/>). Throws when the
/// delivery still fails.
/// </summary>
public sealed class WebhookSender(HttpClient http, IClock clock)
{
    public async Task SendAsync(WebhookEndpoint endpoint, string deliveryId, string body, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.IdHeader, deliveryId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secrets, deliveryId, timestamp, body));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
