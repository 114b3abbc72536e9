using NodaTime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Application.Reports;

/// <summary>
/// Recomputes the equity report from the ledger, streamed in key order (one line and its adjustments at a
/// time), and replaces the stored cells. Payments are kept apart from bill adjustments.
/// </summary>
public sealed partial class EquityReportCalculator(
    LedgerStore ledger,
    ReportStore reports,
    IClock clock,
    IOptions<ReportOptions> options,
    ILogger<EquityReportCalculator> logger)
{
    /// <summary>Recomputes and stores every cell; returns the cells.</summary>
    public async Task<IReadOnlyList<EquityCell>> RecomputeAsync(CancellationToken cancellationToken)
    {
        var builder = new EquityReportBuilder(options.Value.SuppressionThreshold);
        var lines = 0;
        await foreach (var entry in ledger.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var payments = entry.Adjustments.Where(a => a.Step == nameof(Domain.Social.RuleStep.Payment)).Sum(a => a.AmountMinor);
            var billAdjustments = entry.Adjustments.Sum(a => a.AmountMinor) - payments;
            var line = entry.Line;
            builder.Add(new ReportLine(line.Authority, line.Service, line.Area, line.HouseholdId, StoredDate.Parse(line.PeriodTo),
                line.Currency, line.BilledMinor, line.StandardBillMinor, billAdjustments, payments, line.Eligible));
            lines++;
        }
        var cells = builder.Build();
        await reports.SaveAsync(cells, clock.GetCurrentInstant().ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);
        LogComputed(logger, lines, cells.Count);
        return cells;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Equity report recomputed from {Lines} ledger lines into {Cells} cells")]
    private static partial void LogComputed(ILogger logger, int lines, int cells);
}
