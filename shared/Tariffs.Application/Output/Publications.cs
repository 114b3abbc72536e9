using Tariffs.Domain.Engine;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Application.Output;

/// <summary>Turns ledger adjustments, originals and corrections, into what operators receive.</summary>
public static class Publications
{
    /// <summary>
    /// The original adjustments (correction 0) of a chunk's lines as the ledger holds them: as priced now, except the
    /// lines in <paramref name="storedBefore"/> (stored by an earlier delivery, when eligibility may have been less),
    /// published as stored — so a delivery id always carries the same amounts, whatever arrived in between.
    /// </summary>
    public static IReadOnlyList<PublishedAdjustment> Originals(string batchId, IEnumerable<LineOutcome> outcomes, IReadOnlyList<LedgerEntry> storedBefore)
    {
        var stored = storedBefore.ToDictionary(e => e.Line.LineNumber);
        return outcomes.SelectMany(o => stored.TryGetValue(o.Line.LineNumber, out var entry)
                ? entry.Adjustments.Where(a => a.Correction == 0).Select(a => Published(entry.Line, a))
                : o.Posted.Select(a => Published(batchId, o.Line.LineNumber, o.Line.HouseholdId, o.Line.AccountId, o.Currency, a, 0, null)))
            .ToList();
    }

    /// <summary>The corrections appended to one stored line.</summary>
    public static IReadOnlyList<PublishedAdjustment> Corrections(LineEntity line, IEnumerable<LedgerCorrection> corrections) =>
        corrections.Select(x => Published(line.BatchId, line.LineNumber, line.HouseholdId, line.AccountId, CurrencyOf(line), x.Adjustment, x.Number, x.Note)).ToList();

    private static PublishedAdjustment Published(string batchId, int lineNumber, string household, string account, Domain.Money.Currency currency, Adjustment a, int correction, string? note) => new(
        Key(batchId, lineNumber, a.RuleId, correction),
        lineNumber,
        household,
        account,
        a.RuleId,
        a.ProgramId,
        a.Step.ToString(),
        correction,
        currency.FromMinorUnits(currency.ToMinorUnits(a.Amount)),
        currency.Code,
        a.RuleVersions,
        a.LegalReferences,
        StoredDate.Format(a.Covers.Start),
        StoredDate.Format(a.Covers.End),
        note);

    private static PublishedAdjustment Published(LineEntity line, AdjustmentEntity a) => new(
        Key(line.BatchId, line.LineNumber, a.RuleId, a.Correction),
        line.LineNumber,
        line.HouseholdId,
        line.AccountId,
        a.RuleId,
        a.ProgramId,
        a.Step,
        a.Correction,
        CurrencyOf(line).FromMinorUnits(a.AmountMinor),
        a.Currency,
        a.RuleVersions,
        a.LegalReferences,
        a.CoversFrom,
        a.CoversTo,
        a.Note.Length == 0 ? null : a.Note);

    /// <summary>The key an operator receives: batch | line (10 digits) | rule | correction (4 digits), ids escaped as in Table keys (<see cref="RowKeys.Join"/>).</summary>
    private static string Key(string batchId, int lineNumber, string ruleId, int correction) =>
        RowKeys.Join(batchId, RowKeys.Line(lineNumber), ruleId, correction.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));

    private static Domain.Money.Currency CurrencyOf(LineEntity line) =>
        Domain.Money.Currency.TryFind(line.Currency, out var c) ? c : throw new InvalidOperationException($"Unknown currency {line.Currency}.");
}
