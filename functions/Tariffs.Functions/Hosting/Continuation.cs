using System.Buffers.Text;
using System.Text;

namespace Tariffs.Functions.Hosting;

/// <summary>
/// A continuation token of a paged route: the key the next page starts after, as Base64url of its UTF-8 — opaque to
/// callers, safe in a query string, and refused when it does not decode.
/// </summary>
public static class Continuation
{
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>The key, or null when <paramref name="token"/> is not a token <see cref="Encode"/> gave.</summary>
    public static string? Decode(string token)
    {
        try
        {
            return token.Length is > 0 and <= 512 ? new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(token)) : null;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }
}
