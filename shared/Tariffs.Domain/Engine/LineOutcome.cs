using Tariffs.Domain.Billing;
using Tariffs.Domain.Money;

namespace Tariffs.Domain.Engine;

/// <summary>
/// The engine's result for one billing line: the standard bill rounded to the minor unit, the priced
/// segments that explain it, the adjustments (one per rule that changed something), and whether the
/// household was eligible for any program on any day of the period. Social bill = standard bill + the
/// bill adjustments (payments excluded).
/// </summary>
public sealed record LineOutcome(
    BillingLine Line,
    Currency Currency,
    decimal StandardBill,
    IReadOnlyList<PricedSegment> Segments,
    IReadOnlyList<Adjustment> Adjustments,
    bool Eligible)
{
    /// <summary>The bill after price replacements, discounts, caps and credits.</summary>
    public decimal SocialBill => StandardBill + Adjustments.Where(a => a.Step != Social.RuleStep.Payment).Sum(a => a.Amount);
}
