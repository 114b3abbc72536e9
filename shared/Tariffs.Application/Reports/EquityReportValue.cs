using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>
/// A report value as both formats publish it, so that JSON and CSV say the same: a ratio (the only <see cref="double"/>
/// field, <see cref="CellFieldType.Ratio"/>) as a decimal with exactly 4 decimals (<c>1.0000</c>), an instant as UTC
/// <c>yyyy-MM-ddTHH:mm:ssZ</c>; any other value as it is.
/// </summary>
public static class EquityReportValue
{
    /// <summary>The published form of <paramref name="value"/>.</summary>
    public static object? Published(object? value) => value switch
    {
        double ratio => decimal.Round((decimal)ratio, 4, MidpointRounding.AwayFromZero) + 0.0000m,
        DateTimeOffset instant => instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
