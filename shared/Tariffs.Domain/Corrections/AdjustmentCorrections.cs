using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Corrections;

/// <summary>
/// Corrections for a line already billed, Kill Bill style: given the adjustments posted for the line and the
/// line's outcome recomputed with today's eligibility and catalog, one corrective item per rule whose total
/// differs — recomputed − Σ posted — linked to the line, never an edit. The guard is on the line as a whole:
/// when the recomputation does not raise the line's social bill (Σ of the bill steps' differences ≤ 0) and does not
/// lower its payments, every difference is posted, knock-ons on other programs' rules included (a cap that has less
/// to cap once a late discount applies), so a late grant brings the line exactly to where it would be had the grant
/// come first. When the line as a whole moves against the household (a revocation, a lower credit), a difference
/// against it is posted only when its rule's program claws back; the others are withheld, so that without claw-back
/// nothing is taken back from a line already billed, and a grant never makes a line's social bill higher. Pure.
/// </summary>
public static class AdjustmentCorrections
{
    /// <summary>Computes the corrections of one line.</summary>
    public static CorrectionResult Compute(IReadOnlyList<PostedAdjustment> posted, LineOutcome recomputed, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(recomputed);
        ArgumentNullException.ThrowIfNull(catalog);

        var differences = Differences(posted, recomputed).ToList();
        var billChange = differences.Where(d => d.Step < RuleStep.Payment).Sum(d => d.Difference);
        var paymentChange = differences.Where(d => d.Step == RuleStep.Payment).Sum(d => d.Difference);
        var lineAgainstHousehold = billChange > 0m || paymentChange < 0m;

        var corrections = new List<Correction>();
        var withheld = new List<WithheldCorrection>();
        foreach (var d in differences)
        {
            var against = d.Step == RuleStep.Payment ? d.Difference < 0m : d.Difference > 0m;
            var clawBack = catalog.Programs.FirstOrDefault(p => p.Id == d.ProgramId)?.ClawBack ?? false;
            if (against && lineAgainstHousehold && !clawBack)
                withheld.Add(new WithheldCorrection(d.RuleId, d.ProgramId, d.Difference,
                    $"program '{d.ProgramId}' does not claw back: {d.Difference} against the household is not posted"));
            else
                corrections.Add(ToCorrection(d, recomputed));
        }
        return new CorrectionResult(corrections, withheld);
    }

    /// <summary>Every rule whose recomputed total differs from what was posted for it, in order of application.</summary>
    private static IEnumerable<RuleDifference> Differences(IReadOnlyList<PostedAdjustment> posted, LineOutcome recomputed)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var now in recomputed.Adjustments)
        {
            done.Add(now.RuleId);
            var (sum, count) = Posted(posted, now.RuleId);
            if (now.Amount != sum)
                yield return new RuleDifference(now.RuleId, now.ProgramId, now.Step, sum, count, now.Amount, now, null);
        }
        foreach (var item in posted)
        {
            if (!done.Add(item.RuleId))
                continue;
            var (sum, count) = Posted(posted, item.RuleId);
            if (sum != 0m)
                yield return new RuleDifference(item.RuleId, item.ProgramId, item.Step, sum, count, 0m, null, item);
        }
    }

    private static Correction ToCorrection(RuleDifference d, LineOutcome recomputed)
    {
        var covers = d.Current?.Covers ?? recomputed.Line.Period;
        var version = d.Current?.RuleVersions ?? d.Removed?.RuleVersions ?? "";
        var legal = d.Current?.Segments[0].Legal ?? new LegalReference(d.Removed?.LegalReferences is { Length: > 0 } l ? l : "recomputation of the line");
        var term = new AdjustmentSegment(covers, version, legal,
            new Explanation("recomputed {recomputed} − already posted {posted}", d.Now, d.AlreadyPosted), d.Difference);
        return new Correction(new Adjustment(d.RuleId, d.ProgramId, d.Step, d.Difference, covers, [term]), d.Count, d.AlreadyPosted, d.Now);
    }

    /// <summary>One rule's change: what was posted for it (and in how many items), what it gives now, and why.</summary>
    private sealed record RuleDifference(string RuleId, string ProgramId, RuleStep Step, decimal AlreadyPosted, int Count, decimal Now,
        Adjustment? Current, PostedAdjustment? Removed)
    {
        public decimal Difference => Now - AlreadyPosted;
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
