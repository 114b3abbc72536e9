using System.Globalization;
using System.Text;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>
/// Writes report rows as open-data CSV (RFC 4180): a header row of stable column names (the JSON field names),
/// CRLF line ends, fields quoted when they hold a comma, a quote or a line break (quotes doubled), empty for null,
/// numbers in invariant culture, booleans as true/false; ratios and instants as in the JSON (<see cref="EquityReportValue"/>).
/// </summary>
public static class EquityReportCsv
{
    /// <summary>The media type of the output, with its header parameter.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    /// <summary>The column names, in order: the published fields' (<see cref="EquityCellFields.Published"/>).</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = EquityCellFields.Published.Select(f => f.Name).ToArray();

    /// <summary>The CSV text of <paramref name="rows"/>, header first.</summary>
    public static string Write(IEnumerable<EquityReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', ColumnNames.Select(Field)).Append("\r\n");
        foreach (var row in rows)
            text.AppendJoin(',', row.Values.Select(v => Field(Format(v)))).Append("\r\n");
        return text.ToString();
    }

    private static string Format(object? value) => EquityReportValue.Published(value) switch
    {
        null => "",
        bool b => b ? "true" : "false",
        string text => text,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
