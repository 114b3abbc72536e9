namespace Tariffs.Application.Output;

/// <summary>An operator's webhook: where to POST, and the secrets that sign each delivery.</summary>
public sealed class WebhookEndpoint
{
    public string Url { get; set; } = "";

    /// <summary>
    /// Standard Webhooks secrets (<c>whsec_</c> + Base64 of 24 to 64 random bytes); each delivery carries one signature
    /// per secret. Normally one; during a rotation the new and the old, until the operator verifies with the new.
    /// </summary>
    public List<string> Secrets { get; set; } = [];
}
