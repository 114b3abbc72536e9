using System.Globalization;
using NodaTime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tariffs.Domain.Reports;
using Tariffs.Domain.Social;
using Tariffs.Storage.Events;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Application.Reports;

/// <summary>
/// Recomputes the whole equity report from the ledger, streamed (one line and its adjustments at a
/// time), and replaces the stored cells. Payments are kept apart from bill adjustments. Every run — the timer's
/// or on demand — recomputes every period, so a late line or a correction lands in its period whenever it
/// arrives; the authority's time zone only decides which periods are still running (their cells are marked
/// provisional): a period is over once its last day has passed in that zone.
/// </summary>
public sealed partial class EquityReportCalculator(
    LedgerStore ledger,
    ServiceEventStore events,
    ReportStore reports,
    IClock clock,
    IOptions<ReportOptions> options,
    ILogger<EquityReportCalculator> logger)
{
    /// <summary>Recomputes and stores every cell; returns the cells.</summary>
    public async Task<IReadOnlyList<EquityCell>> RecomputeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = new EquityReportBuilder(settings.ToRules());
        var lines = 0;
        await foreach (var entry in ledger.ReadAllForReportsAsync(cancellationToken).ConfigureAwait(false))
        {
            var payments = entry.Adjustments.Where(a => a.Step == nameof(RuleStep.Payment)).Sum(a => a.AmountMinor);
            var social = entry.Adjustments.Where(a => Enum.TryParse<RuleStep>(a.Step, out var step) && step < RuleStep.Payment).ToList();
            var billAdjustments = social.Sum(a => a.AmountMinor);
            var line = entry.Line;
            // A late grant leaves the line's original "eligible" false but adds corrections: the household is eligible.
            var eligible = line.Eligible || social.Count > 0 || entry.Adjustments.Any(a => a.Step == nameof(RuleStep.Payment));
            var quantity = decimal.TryParse(line.Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) ? q : 0m;
            builder.Add(new ReportLine(line.Authority, line.Service, line.Area, line.HouseholdId, StoredDate.Parse(line.PeriodTo),
                line.Currency, line.BilledMinor, line.StandardBillMinor, billAdjustments, payments, eligible, quantity, line.Unit)
            {
                OverchargeMinor = line.OverchargeMinor,
                AnnualIncomeMinor = line.AnnualIncomeMinor,
            });
            lines++;
        }
        await foreach (var e in events.AllAsync(cancellationToken).ConfigureAwait(false))
            builder.Add(new ServiceEvent(e.Authority, e.Service, e.Area, e.HouseholdId.Length == 0 ? null : e.HouseholdId, StoredDate.Parse(e.Date),
                e.Currency, e.CompensationMinor, e.Kind == ServiceEventEntity.RestrictionKind && e.Verdict == nameof(Domain.Universal.Restrictions.RestrictionVerdict.Blocked)));
        var now = clock.GetCurrentInstant();
        var cells = builder.Build()
            .Select(c => c with { Provisional = IsRunning(c.Key, now, settings) })
            .ToList();
        await reports.SaveAsync(cells, now.ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);
        LogComputed(logger, lines, cells.Count);
        return cells;
    }

    private static bool IsRunning(EquityCellKey key, Instant now, ReportOptions settings) =>
        ReportPeriod.TryParse(key.Period, out var period) && period.Value.End >= now.InZone(settings.ZoneOf(key.Authority)).Date;

    [LoggerMessage(Level = LogLevel.Information, Message = "Equity report recomputed from {Lines} ledger lines into {Cells} cells")]
    private static partial void LogComputed(ILogger logger, int lines, int cells);
}
