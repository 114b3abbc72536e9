using System.Globalization;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Storage.Ledger;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// Compares what each rule gives a line now with what is stored for it (the original adjustment plus every
/// correction) and plans one correction per rule whose total changed, holding only the difference. A rule
/// that no longer applies is corrected back to zero. Nothing is planned when nothing changed. Corrections are
/// numbered from 1 per rule and line; number 0 is the original adjustment written with the line.
/// </summary>
public static class CorrectionPlanner
{
    public static IReadOnlyList<Correction> Plan(LineOutcome recomputed, IReadOnlyList<AdjustmentEntity> stored, string cause)
    {
        var currency = recomputed.Currency;
        var storedByRule = stored.GroupBy(a => a.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var now = recomputed.Adjustments.ToDictionary(a => a.RuleId, StringComparer.Ordinal);
        var corrections = new List<Correction>();
        foreach (var ruleId in storedByRule.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var previous = storedByRule.GetValueOrDefault(ruleId) ?? [];
            var before = previous.Sum(a => a.AmountMinor);
            var target = now.TryGetValue(ruleId, out var adjustment) ? currency.ToMinorUnits(adjustment.Amount) : 0L;
            if (target == before)
                continue;
            var difference = currency.FromMinorUnits(target - before);
            var template = adjustment ?? FromStored(previous[^1], recomputed);
            var number = previous.Count == 0 ? 1 : previous.Max(a => a.Correction) + 1;
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{cause}: stored total {currency.FromMinorUnits(before)} {currency}, recomputed {currency.FromMinorUnits(target)} {currency}");
            corrections.Add(new Correction(template with { Amount = difference }, number, note));
        }
        return corrections;
    }

    /// <summary>A zero-segment adjustment of a rule that no longer applies, carrying the stored rule's identity.</summary>
    private static Adjustment FromStored(AdjustmentEntity stored, LineOutcome recomputed) => new(
        stored.RuleId,
        stored.ProgramId,
        Enum.TryParse<RuleStep>(stored.Step, out var step) ? step : RuleStep.PriceReplacement,
        0m,
        recomputed.Line.Period,
        []);
}
