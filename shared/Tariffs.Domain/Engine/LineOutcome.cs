using Tariffs.Domain.Billing;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Engine;

/// <summary>
/// The engine's result for one billing line: the standard bill rounded to the minor unit, the priced
/// segments that explain it, the adjustments (one per rule that changed something, in order of application),
/// whether the household was eligible for any program on any day of the period, the notes on rules that did
/// not apply, and the overcharge finding of the uniform-tariff rule. Social bill = standard bill + the bill
/// adjustments (payments excluded); it is never below zero.
/// </summary>
public sealed record LineOutcome(
    BillingLine Line,
    Currency Currency,
    decimal StandardBill,
    IReadOnlyList<PricedSegment> Segments,
    IReadOnlyList<Adjustment> Adjustments,
    bool Eligible)
{
    /// <summary>Rules of programs the household is eligible for that did not apply, and why.</summary>
    public IReadOnlyList<LineNote> Notes { get; init; } = [];

    /// <summary>The overcharge found by the uniform-tariff rule, or null.</summary>
    public OverchargeFinding? Overcharge { get; init; }

    /// <summary>Everything posted for the line: <see cref="Adjustments"/>, then the overcharge refund when there is one.</summary>
    public IEnumerable<Adjustment> Posted => Overcharge?.Refund is { } refund ? Adjustments.Append(refund) : Adjustments;

    /// <summary>The bill after price replacements, discounts, caps and credits.</summary>
    public decimal SocialBill
    {
        get
        {
            var bill = StandardBill;
            for (var i = 0; i < Adjustments.Count; i++)
                if (Adjustments[i].Step < RuleStep.Payment)
                    bill += Adjustments[i].Amount;
            return bill;
        }
    }

    /// <summary>Σ of the payments (income-scale payments, notional allocations), apart from the bill.</summary>
    public decimal Payments
    {
        get
        {
            var sum = 0m;
            for (var i = 0; i < Adjustments.Count; i++)
                if (Adjustments[i].Step == RuleStep.Payment)
                    sum += Adjustments[i].Amount;
            return sum;
        }
    }
}
