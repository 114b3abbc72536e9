using System.Globalization;
using System.Text;

namespace Tariffs.Application.Ports;

/// <summary>
/// Builds deterministic, injective Table keys from ids. Numbers are zero-padded so that keys sort as numbers. Ids are
/// escaped, never replaced: each character Table storage forbids in keys (/ \ # ? U+0000–U+001F U+007F–U+009F), the
/// escape character <see cref="Escape"/> itself, '%' (decoded twice by some URL paths) and, in a part of a joined key,
/// the separator <see cref="Separator"/> become <c>~</c> and two upper-case hex digits (<c>/</c> → <c>~2F</c>,
/// <c>|</c> → <c>~7C</c>, <c>~</c> → <c>~7E</c>). So distinct ids, and distinct tuples of ids joined, give distinct
/// keys, an id without those characters is its own key, and <see cref="Decode"/> gives the id back. A string holding
/// <c>~</c> not followed by two hex digits is never an encoded id: such keys are free for reserved rows.
/// </summary>
public static class RowKeys
{
    /// <summary>Separates the parts of a joined key.</summary>
    public const char Separator = '|';

    /// <summary>Starts an escape: two upper-case hex digits of the escaped character follow.</summary>
    public const char Escape = '~';

    /// <summary>A line number padded to ten digits.</summary>
    public static string Line(int lineNumber) => lineNumber.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>Joins parts with '|', each escaped by <see cref="Part"/> so that the parts stay apart.</summary>
    public static string Join(params string[] parts) => string.Join(Separator, parts.Select(Part));

    /// <summary>One part of a joined key: the id with forbidden characters, '~', '%' and '|' escaped.</summary>
    public static string Part(string id) => Encode(id, escapeSeparator: true);

    /// <summary>
    /// A whole key made of one id (a batch id as a partition, a rejection's key): like <see cref="Part"/> but '|' is
    /// kept, so keys built of fixed words and numbers (<c>line|0000000002</c>) read as they are.
    /// </summary>
    public static string Whole(string id) => Encode(id, escapeSeparator: false);

    /// <summary>The id a <see cref="Part"/> or <see cref="Whole"/> key was built from; throws <see cref="FormatException"/> on a malformed escape.</summary>
    public static string Decode(string key)
    {
        if (!key.Contains(Escape, StringComparison.Ordinal))
            return key;
        var decoded = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != Escape)
            {
                decoded.Append(key[i]);
                continue;
            }
            if (i + 2 >= key.Length || HexValue(key[i + 1]) is not { } high || HexValue(key[i + 2]) is not { } low)
                throw new FormatException($"Malformed escape at {i} in key '{key}'.");
            decoded.Append((char)(high * 16 + low));
            i += 2;
        }
        return decoded.ToString();
    }

    /// <summary>The parts of a key built by <see cref="Join"/>, decoded.</summary>
    public static IReadOnlyList<string> Split(string key) => key.Split(Separator).Select(Decode).ToArray();

    /// <summary>True for the characters Table storage refuses in PartitionKey and RowKey.</summary>
    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F');

    private static bool MustEscape(char c, bool escapeSeparator) => c is Escape or '%' || IsForbidden(c) || (escapeSeparator && c == Separator);

    private static string Encode(string id, bool escapeSeparator)
    {
        var escaped = 0;
        foreach (var c in id)
            if (MustEscape(c, escapeSeparator))
                escaped++;
        if (escaped == 0)
            return id;
        return string.Create(id.Length + 2 * escaped, (id, escapeSeparator), static (span, state) =>
        {
            var j = 0;
            foreach (var c in state.id)
            {
                if (!MustEscape(c, state.escapeSeparator))
                {
                    span[j++] = c;
                    continue;
                }
                span[j++] = Escape;
                span[j++] = HexDigit(c >> 4);
                span[j++] = HexDigit(c & 0xF);
            }
        });
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static int? HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => null,
    };
}
