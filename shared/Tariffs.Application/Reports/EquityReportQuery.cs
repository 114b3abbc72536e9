using Tariffs.Domain.Money;
using Tariffs.Storage.Reports;

namespace Tariffs.Application.Reports;

/// <summary>Reads stored report cells for publication; suppressed cells are published without figures.</summary>
public sealed class EquityReportQuery(ReportStore reports)
{
    /// <summary>Cells matching the optional filters, in key order.</summary>
    public async Task<IReadOnlyList<EquityReportRow>> GetAsync(string? period, string? service, string? area, CancellationToken cancellationToken)
    {
        var rows = new List<EquityReportRow>();
        await foreach (var cell in reports.QueryAsync(service, period, cancellationToken).ConfigureAwait(false))
        {
            if (area is not null && cell.Area != area)
                continue;
            rows.Add(ToRow(cell));
        }
        return rows;
    }

    private static EquityReportRow ToRow(EquityCellEntity c)
    {
        var currency = Currency.TryFind(c.Currency, out var found) ? found : Currency.Eur;
        var hide = c.Suppressed;
        decimal? Amount(long minor) => hide ? null : currency.FromMinorUnits(minor);
        int? Count(int value) => hide ? null : value;
        return new EquityReportRow(
            c.Period, c.Service, c.Authority, c.Area, c.Currency, c.Suppressed,
            Count(c.HouseholdsBilled), Count(c.HouseholdsEligible), Count(c.HouseholdsReceived),
            hide || c.HouseholdsEligible == 0 ? null : Math.Round((double)c.HouseholdsReceived / c.HouseholdsEligible, 4),
            Amount(c.BilledTotalMinor), Amount(c.StandardTotalMinor), Amount(c.AdjustmentsTotalMinor), Amount(c.PaymentsTotalMinor),
            c.ComputedAt);
    }
}
