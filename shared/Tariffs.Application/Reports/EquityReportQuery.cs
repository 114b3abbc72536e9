using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Reports;

/// <summary>
/// Reads stored report cells for publication. The public view reads the released, frozen cells
/// (<see cref="IPublicReportCells"/>): a hidden cell without figures, a withheld group without its counts and ratios.
/// The regulator's view reads the latest recomputed cells, every figure. D102.0 is priced from the catalog published
/// when the report is read (<see cref="SispeaD102"/>).
/// </summary>
public sealed class EquityReportQuery(IReportCells reports, IPublicReportCells published, CatalogRepository catalogs)
{
    /// <summary>Cells matching the optional filters (period "2022", "2022-Q1" or "2022-01"; service; area, "*" = totals), in key order.</summary>
    public async Task<IReadOnlyList<EquityReportRow>> GetAsync(string? period, string? service, string? area, EquityReportView view, CancellationToken cancellationToken)
    {
        var rows = new List<EquityReportRow>();
        var found = new Dictionary<CatalogKey, ServiceCatalog?>();
        var cells = view == EquityReportView.Public ? published.QueryAsync(service, period, cancellationToken) : reports.QueryAsync(service, period, cancellationToken);
        await foreach (var cell in cells.ConfigureAwait(false))
        {
            if (area is not null && cell.Cell.Key.Area != area)
                continue;
            rows.Add(ToRow(cell, view, await D102Async(cell, found, cancellationToken).ConfigureAwait(false)));
        }
        return rows
            .OrderBy(r => r.Key.Service, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Authority, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Period, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Area, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>D102.0 of the cell, reading each authority's catalog once per query.</summary>
    private async Task<decimal?> D102Async(EquityCellEntity stored, Dictionary<CatalogKey, ServiceCatalog?> found, CancellationToken cancellationToken)
    {
        var cell = stored.Cell.Key;
        if (!ReportPeriod.TryParse(cell.Period, out var period) || !SispeaD102.Covers(cell.Service, period.Value))
            return null;
        var key = new CatalogKey(cell.Authority, cell.Service);
        if (!found.TryGetValue(key, out var catalog))
            found[key] = catalog = await catalogs.FindAsync(cell.Authority, cell.Service, cancellationToken).ConfigureAwait(false);
        return catalog is null ? null : SispeaD102.Price(catalog, period.Value.Year);
    }

    private static EquityReportRow ToRow(EquityCellEntity stored, EquityReportView view, decimal? d102)
    {
        // A cell of events without money (restriction checks only) has no currency: its amounts are all 0.
        var currency = stored.Cell.Currency.Length == 0 ? Currency.Eur : Currency.Find(stored.Cell.Currency, $"report cell {stored.Cell.Key.Service} {stored.Cell.Key.Authority} {stored.Cell.Key.Period} {stored.Cell.Key.Area}");
        var isPublic = view == EquityReportView.Public;
        return EquityReportRow.Of(new CellReading(stored.Cell, currency, Instant.FromDateTimeOffset(stored.ComputedAt))
        {
            Suppressed = stored.Suppressed,
            Hidden = stored.Suppressed && isPublic,
            EligibilityHidden = stored.EligibilityHidden && isPublic,
            IncomeHidden = stored.IncomeHidden && isPublic,
            ShowsReason = view == EquityReportView.Unsuppressed,
            D102PriceOf120M3 = d102,
        });
    }
}
