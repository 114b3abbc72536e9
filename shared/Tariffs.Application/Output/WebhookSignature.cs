using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tariffs.Application.Output;

/// <summary>
/// Signatures of webhook deliveries per the Standard Webhooks specification (v1, symmetric): the headers
/// <c>webhook-id</c> (the delivery id, the receiver's de-duplication key), <c>webhook-timestamp</c> (Unix seconds) and
/// <c>webhook-signature</c>, a space-separated list of <c>v1,&lt;Base64 HMAC-SHA256&gt;</c> of
/// <c>{id}.{timestamp}.{body}</c>, one per secret, keyed with the Base64-decoded bytes of a secret written
/// <c>whsec_&lt;Base64&gt;</c> (the prefix is optional). Signing with each configured secret lets an operator rotate its
/// secret without a gap: during the rotation either secret verifies.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The prefix of a secret in the specification's notation.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a timestamp may be from the receiver's clock, either way, for <see cref="Verify"/> to accept it.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The <c>webhook-signature</c> value: one <c>v1,</c> signature per secret, space-separated.</summary>
    /// <exception cref="FormatException">A secret is not Base64 (with or without <see cref="SecretPrefix"/>).</exception>
    public static string Sign(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(Mac(secret, id, timestamp, body))));

    /// <summary>
    /// True when one of the <c>v1</c> signatures in <paramref name="header"/> is that of the body under the secret
    /// (compared in constant time) and the timestamp is within <see cref="Tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string header, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
            return false;
        var expected = Mac(secret, id, seconds, body);
        foreach (var entry in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal))
                continue;
            var given = new byte[expected.Length + 3];
            if (Convert.TryFromBase64String(entry[3..], given, out var length) && length == expected.Length
                && CryptographicOperations.FixedTimeEquals(expected, given.AsSpan(0, length)))
                return true;
        }
        return false;
    }

    private static byte[] Mac(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
    }
}
