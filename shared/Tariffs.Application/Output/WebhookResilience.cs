using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Extensions.Http;
using Polly.Timeout;

namespace Tariffs.Application.Output;

/// <summary>
/// The webhook client's policies, outermost first: retry transient failures (5xx, 408, 429, network errors,
/// attempt timeouts) with exponential backoff plus random jitter; a circuit breaker that stops calling an
/// endpoint that keeps failing (one breaker for the process, <see cref="WebhookCircuitBreaker"/>); a timeout
/// per attempt.
/// </summary>
public static class WebhookResilience
{
    public static IHttpClientBuilder AddWebhookPolicies(this IHttpClientBuilder builder) => builder
        .AddPolicyHandler((services, _) =>
        {
            var o = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
            return Transient().WaitAndRetryAsync(o.Retries, attempt =>
                o.RetryBaseDelay * Math.Pow(2, attempt - 1) + o.RetryBaseDelay * Random.Shared.NextDouble());
        })
        .AddPolicyHandler((services, _) => services.GetRequiredService<WebhookCircuitBreaker>().Policy)
        .AddPolicyHandler((services, _) =>
            Policy.TimeoutAsync<HttpResponseMessage>(services.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout));

    internal static PolicyBuilder<HttpResponseMessage> Transient() => HttpPolicyExtensions
        .HandleTransientHttpError()
        .OrResult(r => r.StatusCode == HttpStatusCode.TooManyRequests)
        .Or<TimeoutRejectedException>();
}
