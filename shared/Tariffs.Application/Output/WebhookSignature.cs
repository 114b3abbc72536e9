using System.Security.Cryptography;
using System.Text;

namespace Tariffs.Application.Output;

/// <summary>
/// The signature of a webhook delivery: <c>sha256=</c> + hex HMAC-SHA256, keyed with the operator's secret, of
/// <c>{timestamp}.{body}</c> (timestamp in Unix seconds, sent in <c>X-Tariffs-Timestamp</c>), so a receiver can
/// check both the sender and the freshness.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Tariffs-Signature";
    public const string TimestampHeader = "X-Tariffs-Timestamp";
    public const string DeliveryHeader = "X-Tariffs-Delivery";

    /// <summary>The header value for a body sent at a timestamp.</summary>
    public static string Compute(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when the header value is the signature of the body at that timestamp (constant-time).</summary>
    public static bool IsValid(string secret, long timestamp, string body, string header) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Compute(secret, timestamp, body)), Encoding.UTF8.GetBytes(header));
}
