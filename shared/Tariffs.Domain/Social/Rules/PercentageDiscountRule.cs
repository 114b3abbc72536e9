using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Percentage discount (step 2): a percentage of the chosen components of each eligible segment's bill, as
/// left by the price replacements (CARE: 20% of the gas bill; FERA: 18%). Never more than the component.
/// </summary>
public sealed class PercentageDiscountRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<PercentageDiscount> versions)
    : DatedRule<PercentageDiscount>(id, tariffCodes, versions)
{
    /// <inheritdoc />
    public override RuleStep Step => RuleStep.PercentageDiscount;

    /// <inheritdoc />
    public override RuleOutcome Apply(RuleInput input)
    {
        var outcome = new RuleOutcome();
        var eligible = input.Eligible;
        for (var i = 0; i < eligible.Count; i++)
        {
            var segment = eligible[i];
            if (VersionOf(segment) is not { } version)
                continue;
            var components = version.Value.Components;
            if (components != DiscountComponents.Fixed)
                Discount(outcome, segment, version, BillComponent.Variable, input.Bill.Variable(segment.Index));
            if (components != DiscountComponents.Variable)
                Discount(outcome, segment, version, BillComponent.Fixed, input.Bill.Fixed(segment.Index));
        }
        return outcome;
    }

    private static void Discount(RuleOutcome outcome, EligibleSegment segment, Dated<PercentageDiscount> version, BillComponent component, decimal basis)
    {
        if (basis <= 0m)
            return;
        var percent = version.Value.Percent;
        var formula = component == BillComponent.Fixed ? "−{percent}% × fixed {fixed}" : "−{percent}% × variable {variable}";
        outcome.Add(segment.Index, component, Term(segment, version, new Explanation(formula, percent, basis), -basis * percent / 100m));
    }
}
