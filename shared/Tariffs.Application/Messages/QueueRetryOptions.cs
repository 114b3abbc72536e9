namespace Tariffs.Application.Messages;

/// <summary>
/// How often the queue triggers deliver a failing message before moving it to <c>&lt;queue&gt;-poison</c>: host.json's
/// <c>extensions:queues:maxDequeueCount</c>, which the host loads under <see cref="Section"/> (5 when absent, the
/// Functions default).
/// </summary>
public sealed class QueueRetryOptions
{
    /// <summary>Configuration section of host.json's queue settings, as the host loads host.json.</summary>
    public const string Section = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>Deliveries of a message before it is moved to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;
}
