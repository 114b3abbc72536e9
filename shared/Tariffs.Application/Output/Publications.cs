using Tariffs.Domain.Engine;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Application.Output;

/// <summary>Turns ledger adjustments, originals and corrections, into what operators receive.</summary>
public static class Publications
{
    /// <summary>The original adjustments of priced lines (correction 0).</summary>
    public static IReadOnlyList<PublishedAdjustment> Originals(string batchId, IEnumerable<LineOutcome> outcomes) =>
        outcomes.SelectMany(o => o.Adjustments.Select(a => Published(batchId, o.Line.LineNumber, o.Line.HouseholdId, o.Line.AccountId, o.Currency, a, 0, null)))
            .ToList();

    /// <summary>The corrections appended to one stored line.</summary>
    public static IReadOnlyList<PublishedAdjustment> Corrections(LineEntity line, IEnumerable<LedgerCorrection> corrections)
    {
        var currency = Domain.Money.Currency.TryFind(line.Currency, out var c) ? c : throw new InvalidOperationException($"Unknown currency {line.Currency}.");
        return corrections.Select(x => Published(line.BatchId, line.LineNumber, line.HouseholdId, line.AccountId, currency, x.Adjustment, x.Number, x.Note)).ToList();
    }

    private static PublishedAdjustment Published(string batchId, int lineNumber, string household, string account, Domain.Money.Currency currency, Adjustment a, int correction, string? note) => new(
        $"{batchId}|{RowKeys.Line(lineNumber)}|{a.RuleId}|{correction:D4}",
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
}
