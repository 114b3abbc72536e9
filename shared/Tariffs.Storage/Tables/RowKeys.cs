using System.Globalization;

namespace Tariffs.Storage.Tables;

/// <summary>
/// Builds deterministic keys. Numbers are zero-padded so that keys sort as numbers; parts are joined with
/// '|' after removing the characters Table storage forbids in keys (/ \ # ? and control characters).
/// </summary>
public static class RowKeys
{
    /// <summary>A line number padded to ten digits.</summary>
    public static string Line(int lineNumber) => lineNumber.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>Joins sanitised parts with '|'.</summary>
    public static string Join(params string[] parts) => string.Join('|', parts.Select(Sanitise));

    /// <summary>Replaces characters forbidden in PartitionKey and RowKey by '_'.</summary>
    public static string Sanitise(string part) =>
        string.Create(part.Length, part, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c;
            }
        });
}
