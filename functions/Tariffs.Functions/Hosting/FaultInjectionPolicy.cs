using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Tariffs.Functions.Hosting;

/// <summary>
/// Chaos for resilience tests, off unless <c>Tariffs:FaultInjection:Probability</c> is set: each storage call
/// fails with that probability, half of the time before the request is sent (nothing happened), half of the
/// time after the service answered (the write happened but the caller sees an error) — the two crash points
/// at-least-once processing must survive.
/// </summary>
public sealed class FaultInjectionPolicy(double probability) : HttpPipelinePolicy
{
    /// <summary>Configuration key of the probability (0 to 1).</summary>
    public const string Setting = "Tariffs:FaultInjection:Probability";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        MaybeFail("before");
        ProcessNext(message, pipeline);
        MaybeFail("after");
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        MaybeFail("before");
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        MaybeFail("after");
    }

    private void MaybeFail(string when)
    {
        if (Random.Shared.NextDouble() < probability / 2)
            throw new RequestFailedException(503, $"Injected storage fault {when} the request.");
    }
}
