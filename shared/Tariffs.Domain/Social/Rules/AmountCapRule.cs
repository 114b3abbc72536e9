using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Amount cap (step 3, WaterSure): the eligible segments' bill, as left by the steps before, is capped at a
/// fixed amount per basis period prorated over the same segments (a whole UK charging year counts 1).
/// Reduction = max(0, bill − cap), spread over the segments in proportion to their bill.
/// </summary>
public sealed class AmountCapRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<AmountCap> versions)
    : DatedRule<AmountCap>(id, tariffCodes, versions)
{
    /// <inheritdoc />
    public override RuleStep Step => RuleStep.Cap;

    /// <inheritdoc />
    public override RuleOutcome Apply(RuleInput input)
    {
        var segments = Versioned(input);
        var bill = 0m;
        var cap = 0m;
        foreach (var (segment, version) in segments)
        {
            bill += input.Bill.Total(segment.Index);
            cap += version.Value.Cap * version.Value.Basis.Count(segment.Segment.Interval);
        }
        var outcome = new RuleOutcome();
        SpreadReduction(outcome, input, segments, bill - cap, bill, (segment, version, share) => new Explanation(
            "−(bill {bill} − cap {cap}) × share {share}; cap = {capPerBasis} × {periods} periods",
            bill, cap, share, version.Value.Cap, version.Value.Basis.Count(segment.Segment.Interval)));
        return outcome;
    }
}
