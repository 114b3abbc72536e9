using System.Text.Json.Serialization;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>
/// One published cell of the equity report: the values of <see cref="EquityCellFields.Published"/>, in order (JSON
/// field and CSV column names are the fields' names, see docs/api.md for each indicator's definition). Amounts are in
/// the currency's major unit. In a suppressed cell of the public view every figure is null; the suppression reason is
/// filled only in the regulator's unsuppressed view.
/// </summary>
[JsonConverter(typeof(EquityReportRowJsonConverter))]
public sealed class EquityReportRow
{
    private EquityReportRow(EquityCellKey key, object?[] values)
    {
        Key = key;
        Values = values;
    }

    /// <summary>The cell's period, service, authority and area.</summary>
    public EquityCellKey Key { get; }

    /// <summary>The authority of the cell.</summary>
    public string Authority => Key.Authority;

    /// <summary>The value of each published field, in the order of <see cref="EquityCellFields.Published"/>; null when withheld or not defined.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>The row <paramref name="reading"/> publishes.</summary>
    public static EquityReportRow Of(CellReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new(reading.Cell.Key, EquityCellFields.Published.Select(reading.ValueOf).ToArray());
    }
}
