using FsCheck;
using FsCheck.Fluent;

namespace Tariffs.Storage.Tests.Tables;

/// <summary>An id drawn for key properties: short, from every character class keys care about.</summary>
public sealed record KeyId(string Value)
{
    public override string ToString() => string.Concat(Value.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}

/// <summary>
/// Generates <see cref="KeyId"/>s: up to six characters, each from letters and digits (hex digits included, to
/// forge escapes), the separator '|', the escape '~', '%', the characters Table storage forbids (/ \ # ? U+0000–U+001F
/// U+007F–U+009F), characters beyond Latin-1, lone surrogates, or whole fragments that look like escapes ("~7C").
/// Short ids over a small alphabet make different ids that an unsound encoding would map to one key likely.
/// </summary>
public static class KeyIds
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Elements("a", "b", "A", "C", "F", "0", "7", "_", "-", "."),
        Gen.Elements("|", "~", "%"),
        Gen.Elements("/", "\\", "#", "?"),
        Gen.Choose(0x00, 0x1F).Select(c => ((char)c).ToString()),
        Gen.Choose(0x7F, 0x9F).Select(c => ((char)c).ToString()),
        Gen.Elements("é", "中", "\uFFFF", "\uD83D\uDE00"),
        Gen.Elements("\uD800", "\uDC00"),
        Gen.Elements("~7C", "~2F", "~7E", "~", "~G1"));

    public static Arbitrary<KeyId> KeyId() =>
        Gen.Choose(0, 6).SelectMany(n => Piece.ArrayOf(n)).Select(pieces => new KeyId(string.Concat(pieces))).ToArbitrary();
}
