using Tariffs.Domain.Catalog;
using Tariffs.Domain.Corrections;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// A stored line priced again by the engine with the eligibility stored now, as it counts for the line
/// (<see cref="EffectiveEligibility"/> at its first pricing), and compared rule by rule with what the ledger holds for it
/// (<see cref="AdjustmentCorrections"/>). The one comparison behind both a late grant's corrections
/// (<see cref="LineCorrector"/>) and the independent audit of an export (<see cref="Audit.LedgerAuditor"/>).
/// </summary>
public static class LineRecomputation
{
    /// <summary>The line's outcome now and its differences with the ledger: those to post and those withheld for lack of claw-back.</summary>
    public static (LineOutcome Outcome, CorrectionResult Differences) Compare(LedgerLine line, ServiceCatalog catalog, HouseholdEligibility eligibility)
    {
        var (outcome, differences, _) = Recompute(line, catalog, eligibility);
        return (outcome, differences);
    }

    /// <summary>As <see cref="Compare"/>, with how the household is eligible on the line now (what its corrections record).</summary>
    public static (LineOutcome Outcome, CorrectionResult Differences, EligibilityBasis Basis) Recompute(LedgerLine line, ServiceCatalog catalog, HouseholdEligibility eligibility)
    {
        var with = EffectiveEligibility.ForLine(eligibility, catalog, line.Period, line.PricedAt);
        var outcome = TariffEngine.Price(line.ToBillingLine(), catalog, with.Windows);
        return (outcome, AdjustmentCorrections.Compute(line.Posted(), outcome, catalog), with.Basis);
    }
}
