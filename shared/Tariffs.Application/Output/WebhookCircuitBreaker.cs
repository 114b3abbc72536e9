using Microsoft.Extensions.Options;
using Polly;

namespace Tariffs.Application.Output;

/// <summary>
/// The webhook circuit breaker, one per process (a singleton): its state must outlive each request, which a
/// policy created per request would not.
/// </summary>
public sealed class WebhookCircuitBreaker(IOptions<WebhookOptions> options)
{
    public IAsyncPolicy<HttpResponseMessage> Policy { get; } =
        WebhookResilience.Transient().CircuitBreakerAsync(options.Value.BreakAfter, options.Value.BreakFor);
}
