using Tariffs.Application.Catalog;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Reports;

namespace Tariffs.Application.Reports;

/// <summary>
/// Reads stored report cells for publication. The public view reads the released, frozen cells
/// (<see cref="PublicReportStore"/>): a hidden cell without figures, a withheld group without its counts and ratios.
/// The regulator's view reads the latest recomputed cells, every figure. D102.0 is priced from the catalog published
/// when the report is read (<see cref="SispeaD102"/>).
/// </summary>
public sealed class EquityReportQuery(ReportStore reports, PublicReportStore published, CatalogRepository catalogs)
{
    /// <summary>Cells matching the optional filters (period "2022", "2022-Q1" or "2022-01"; service; area, "*" = totals), in key order.</summary>
    public async Task<IReadOnlyList<EquityReportRow>> GetAsync(string? period, string? service, string? area, EquityReportView view, CancellationToken cancellationToken)
    {
        var rows = new List<EquityReportRow>();
        var found = new Dictionary<CatalogKey, ServiceCatalog?>();
        var cells = view == EquityReportView.Public ? published.QueryAsync(service, period, cancellationToken) : reports.QueryAsync(service, period, cancellationToken);
        await foreach (var cell in cells.ConfigureAwait(false))
        {
            if (area is not null && cell.Area != area)
                continue;
            rows.Add(ToRow(cell, view, await D102Async(cell, found, cancellationToken).ConfigureAwait(false)));
        }
        return rows
            .OrderBy(r => r.Service, StringComparer.Ordinal)
            .ThenBy(r => r.Authority, StringComparer.Ordinal)
            .ThenBy(r => r.Period, StringComparer.Ordinal)
            .ThenBy(r => r.Area, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>D102.0 of the cell, reading each authority's catalog once per query.</summary>
    private async Task<decimal?> D102Async(EquityCellEntity cell, Dictionary<CatalogKey, ServiceCatalog?> found, CancellationToken cancellationToken)
    {
        if (!ReportPeriod.TryParse(cell.Period, out var period) || !SispeaD102.Covers(cell.Service, period.Value))
            return null;
        var key = new CatalogKey(cell.Authority, cell.Service);
        if (!found.TryGetValue(key, out var catalog))
            found[key] = catalog = await catalogs.FindAsync(cell.Authority, cell.Service, cancellationToken).ConfigureAwait(false);
        return catalog is null ? null : SispeaD102.Price(catalog, period.Value.Year);
    }

    private static EquityReportRow ToRow(EquityCellEntity entity, EquityReportView view, decimal? d102)
    {
        // A cell of events without money (restriction checks only) has no currency: its amounts are all 0.
        var currency = entity.Currency.Length == 0 ? Currency.Eur : Currency.Find(entity.Currency, $"report cell {entity.PartitionKey}/{entity.RowKey}");
        var cell = EquityCellMapping.ToCell(entity);
        var hide = entity.Suppressed && view == EquityReportView.Public;
        var eligibility = hide || (entity.EligibilityHidden && view == EquityReportView.Public);
        var income = hide || (entity.IncomeHidden && view == EquityReportView.Public);
        decimal? Amount(long minor) => hide ? null : currency.FromMinorUnits(minor);
        decimal? Average(decimal? minor) => hide || minor is null ? null : currency.Round(minor.Value / MinorPerMajor(currency));
        int? Count(int value, bool withheld = false) => hide || withheld ? null : value;
        double? Share(double? value, bool withheld = false) => hide || withheld || value is null ? null : Math.Round(value.Value, 4);
        var kind = ReportPeriod.TryParse(entity.Period, out var period) ? period.Value.Kind.ToString().ToLowerInvariant() : "";
        return new EquityReportRow(
            entity.Period, kind, entity.Service, entity.Authority, entity.Area, entity.Currency, entity.Unit,
            entity.Suppressed, entity.Provisional,
            Count(cell.HouseholdsBilled), Count(cell.HouseholdsEligible, eligibility), Count(cell.HouseholdsReceived, eligibility), Share(cell.TakeUpRate, eligibility),
            Amount(cell.BilledTotalMinor), Amount(cell.StandardTotalMinor), Amount(cell.AdjustmentsTotalMinor),
            Amount(cell.PaymentsTotalMinor), Amount(cell.CompensationTotalMinor),
            Average(cell.AverageBillBeforeMinor), Average(cell.AverageBillAfterMinor),
            hide ? null : cell.QuantityBilled,
            hide || cell.SocialCostPerCubicMetreMinor is not { } p109 ? null : Math.Round(p109 / MinorPerMajor(currency), 4, MidpointRounding.AwayFromZero),
            d102 is { } price ? Amount(currency.ToMinorUnits(price)) : null,
            Count(cell.HouseholdsWithKnownIncome, income), Share(cell.AffordabilityShareBefore, income), Share(cell.AffordabilityShareAfter, income),
            Count(cell.OverchargeFindings), Amount(cell.OverchargeTotalMinor), Count(cell.BlockedRestrictions),
            view == EquityReportView.Unsuppressed ? entity.Suppression : null,
            entity.ComputedAt);
    }

    private static decimal MinorPerMajor(Currency currency) => 1m / currency.FromMinorUnits(1);
}
