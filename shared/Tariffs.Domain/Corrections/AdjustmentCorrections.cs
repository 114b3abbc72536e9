using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Corrections;

/// <summary>
/// Corrections for a line already billed, Kill Bill style: given the adjustments posted for the line and the
/// line's outcome recomputed with today's eligibility and catalog, one corrective item per rule whose total
/// differs — recomputed − Σ posted — linked to the line, never an edit. A difference in the household's
/// favour (a lower bill, a larger payment: a late grant's catch-up) is always posted. A difference against
/// it (a revocation, a lower credit) is posted only when the rule's program claws back; otherwise it is
/// withheld, so that without claw-back a revocation takes nothing back from lines already billed. Pure.
/// </summary>
public static class AdjustmentCorrections
{
    /// <summary>Computes the corrections of one line.</summary>
    public static CorrectionResult Compute(IReadOnlyList<PostedAdjustment> posted, LineOutcome recomputed, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(recomputed);
        ArgumentNullException.ThrowIfNull(catalog);

        var corrections = new List<Correction>();
        var withheld = new List<WithheldCorrection>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var now in recomputed.Adjustments)
        {
            done.Add(now.RuleId);
            var (sum, count) = Posted(posted, now.RuleId);
            Correct(now.RuleId, now.ProgramId, now.Step, sum, count, now.Amount, now, recomputed, catalog, corrections, withheld);
        }
        foreach (var item in posted)
        {
            if (!done.Add(item.RuleId))
                continue;
            var (sum, count) = Posted(posted, item.RuleId);
            Correct(item.RuleId, item.ProgramId, item.Step, sum, count, 0m, null, recomputed, catalog, corrections, withheld, item);
        }
        return new CorrectionResult(corrections, withheld);
    }

    private static void Correct(string ruleId, string programId, RuleStep step, decimal alreadyPosted, int count, decimal now,
        Adjustment? current, LineOutcome recomputed, ServiceCatalog catalog, List<Correction> corrections, List<WithheldCorrection> withheld,
        PostedAdjustment? removed = null)
    {
        var difference = now - alreadyPosted;
        if (difference == 0m)
            return;
        var favourable = step == RuleStep.Payment ? difference > 0m : difference < 0m;
        var clawBack = catalog.Programs.FirstOrDefault(p => p.Id == programId)?.ClawBack ?? false;
        if (!favourable && !clawBack)
        {
            withheld.Add(new WithheldCorrection(ruleId, programId, difference,
                $"program '{programId}' does not claw back: {difference} against the household is not posted"));
            return;
        }
        var covers = current?.Covers ?? recomputed.Line.Period;
        var version = current?.RuleVersions ?? removed?.RuleVersions ?? "";
        var legal = current?.Segments[0].Legal ?? new LegalReference(removed?.LegalReferences is { Length: > 0 } l ? l : "recomputation of the line");
        var term = new AdjustmentSegment(covers, version, legal,
            new Explanation("recomputed {recomputed} − already posted {posted}", now, alreadyPosted), difference);
        corrections.Add(new Correction(new Adjustment(ruleId, programId, step, difference, covers, [term]), count, alreadyPosted, now));
    }

    private static (decimal Sum, int Count) Posted(IReadOnlyList<PostedAdjustment> posted, string ruleId)
    {
        var sum = 0m;
        var count = 0;
        foreach (var item in posted)
        {
            if (item.RuleId != ruleId)
                continue;
            sum += item.Amount;
            count++;
        }
        return (sum, count);
    }
}
