namespace Tariffs.Application.Output;

/// <summary>
/// Operators' webhooks (configuration section <c>Tariffs:Webhooks</c>): per operator id a URL and the shared
/// secrets that sign each delivery; and the resilience of the HTTP client. In Azure the secrets come from
/// app settings backed by Key Vault references, never from the repository.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Tariffs:Webhooks";

    /// <summary>Endpoints by operator id; an operator without one gets the queue only.</summary>
    public Dictionary<string, WebhookEndpoint> Operators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Retries after the first attempt, with exponential backoff plus random jitter.</summary>
    public int Retries { get; set; } = 4;

    /// <summary>Base delay of the backoff: attempt n waits base × 2ⁿ⁻¹ plus up to base of jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of each attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failures that open the circuit.</summary>
    public int BreakAfter { get; set; } = 5;

    /// <summary>How long the circuit stays open before one trial call.</summary>
    public TimeSpan BreakFor { get; set; } = TimeSpan.FromSeconds(30);
}
