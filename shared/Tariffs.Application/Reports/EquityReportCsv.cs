using System.Globalization;
using System.Text;

namespace Tariffs.Application.Reports;

/// <summary>
/// Writes report rows as open-data CSV (RFC 4180): a header row of stable column names (the JSON field names),
/// CRLF line ends, fields quoted when they hold a comma, a quote or a line break (quotes doubled), empty for null,
/// numbers in invariant culture, booleans as true/false.
/// </summary>
public static class EquityReportCsv
{
    /// <summary>The media type of the output, with its header parameter.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    private static readonly (string Name, Func<EquityReportRow, object?> Value)[] Columns =
    [
        ("period", r => r.Period), ("periodKind", r => r.PeriodKind), ("service", r => r.Service), ("authority", r => r.Authority),
        ("area", r => r.Area), ("currency", r => r.Currency), ("unit", r => r.Unit), ("suppressed", r => r.Suppressed),
        ("provisional", r => r.Provisional), ("householdsBilled", r => r.HouseholdsBilled), ("householdsEligible", r => r.HouseholdsEligible),
        ("householdsReceived", r => r.HouseholdsReceived), ("takeUpRate", r => r.TakeUpRate), ("billedTotal", r => r.BilledTotal),
        ("standardTotal", r => r.StandardTotal), ("socialAdjustmentsTotal", r => r.SocialAdjustmentsTotal), ("paymentsTotal", r => r.PaymentsTotal),
        ("compensationTotal", r => r.CompensationTotal), ("averageBillBefore", r => r.AverageBillBefore), ("averageBillAfter", r => r.AverageBillAfter),
        ("quantityBilled", r => r.QuantityBilled), ("p109SocialCostPerM3", r => r.P109SocialCostPerM3), ("d102PriceOf120M3", r => r.D102PriceOf120M3),
        ("householdsWithKnownIncome", r => r.HouseholdsWithKnownIncome), ("affordabilityShareBefore", r => r.AffordabilityShareBefore),
        ("affordabilityShareAfter", r => r.AffordabilityShareAfter), ("overchargeFindings", r => r.OverchargeFindings),
        ("overchargeTotal", r => r.OverchargeTotal), ("blockedRestrictions", r => r.BlockedRestrictions), ("suppression", r => r.Suppression),
        ("computedAt", r => r.ComputedAt),
    ];

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = Columns.Select(c => c.Name).ToArray();

    /// <summary>The CSV text of <paramref name="rows"/>, header first.</summary>
    public static string Write(IEnumerable<EquityReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', Columns.Select(c => Field(c.Name))).Append("\r\n");
        foreach (var row in rows)
            text.AppendJoin(',', Columns.Select(c => Field(Format(c.Value(row))))).Append("\r\n");
        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
