using System.Globalization;
using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Output;

/// <summary>Turns ledger items, originals and corrections, into what operators receive.</summary>
public static class Publications
{
    /// <summary>
    /// The original items (sequence 0) of a chunk's lines as the ledger holds them: the lines as priced now, except
    /// those stored by an earlier delivery (when eligibility may have been less), given as stored — so a delivery id
    /// always carries the same amounts, whatever arrived in between.
    /// </summary>
    public static IReadOnlyList<PublishedAdjustment> Originals(IEnumerable<LedgerLine> lines) =>
        [.. lines.SelectMany(line => line.Originals.Select(item => Published(line, item)))];

    /// <summary>The corrections appended to one stored line.</summary>
    public static IReadOnlyList<PublishedAdjustment> Corrections(LedgerLine line, IEnumerable<LedgerItem> corrections) =>
        [.. corrections.Select(item => Published(line, item))];

    private static PublishedAdjustment Published(LedgerLine line, LedgerItem item) => new(
        Key(line.BatchId, line.LineNumber, item.RuleId, item.Sequence),
        line.LineNumber,
        line.HouseholdId,
        line.AccountId,
        item.RuleId,
        item.ProgramId,
        item.Step.ToString(),
        item.Sequence,
        line.Currency.FromMinorUnits(item.AmountMinor),
        line.Currency.Code,
        item.RuleVersions,
        item.LegalReferences,
        item.Covers.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        item.Covers.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        item.Note);

    /// <summary>The key an operator receives: batch | line (10 digits) | rule | correction (4 digits), ids escaped as in Table keys (<see cref="RowKeys.Join"/>).</summary>
    private static string Key(string batchId, int lineNumber, string ruleId, int correction) =>
        RowKeys.Join(batchId, RowKeys.Line(lineNumber), ruleId, correction.ToString("D4", CultureInfo.InvariantCulture));
}
