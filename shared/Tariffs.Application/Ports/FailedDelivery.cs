namespace Tariffs.Application.Ports;

/// <summary>
/// A webhook delivery that still failed after its retries, kept for replay (never dropped): the payload, attempts and
/// last error; <see cref="DeliveredAt"/> is set once a replay succeeds.
/// </summary>
public sealed class FailedDelivery
{
    public string Operator { get; set; } = "";
    public string DeliveryId { get; set; } = "";
    public string Payload { get; set; } = "";
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    public DateTimeOffset FirstFailedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The version read (opaque): marking it delivered fails when it changed since.</summary>
    public string Version { get; set; } = "";
}
