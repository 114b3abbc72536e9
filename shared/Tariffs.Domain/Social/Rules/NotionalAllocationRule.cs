using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Notional allocation (step 5, payment; the Grenoble variant of the income cap): over the eligible segments,
/// notional bill = notional volume for the household's size × notional price, prorated; threshold =
/// percentage of annual income, prorated the same way; the household is paid max(0, notional − threshold),
/// unless that amount, rounded, is below the floor (then nothing). A payment: the bill does not change.
/// Does not apply when the income is unknown.
/// </summary>
public sealed class NotionalAllocationRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<NotionalAllocation> versions)
    : DatedRule<NotionalAllocation>(id, tariffCodes, versions)
{
    /// <inheritdoc />
    public override RuleStep Step => RuleStep.Payment;

    /// <inheritdoc />
    public override RuleOutcome Apply(RuleInput input)
    {
        if (IncomeUnknown(input) is { } unknown)
            return unknown;
        var eligible = input.Eligible;
        var excess = 0m;
        var floor = 0m;
        for (var i = 0; i < eligible.Count; i++)
        {
            var segment = eligible[i];
            if (VersionOf(segment) is not { } version)
                continue;
            excess += Excess(input, segment, version.Value);
            floor = Math.Max(floor, version.Value.Floor);
        }
        var outcome = new RuleOutcome();
        if (excess <= 0m || input.Currency.Round(excess) < floor)
            return outcome;
        for (var i = 0; i < eligible.Count; i++)
        {
            var segment = eligible[i];
            if (VersionOf(segment) is not { } version)
                continue;
            var p = version.Value;
            var volume = p.NotionalVolume.For(input.Persons(segment));
            outcome.Add(segment.Index, BillComponent.Reduction, Term(segment, version,
                new Explanation("({volume} × {notionalPrice} − {income} × {percent}%) × {periods} periods",
                    volume, p.NotionalPrice, segment.Facts!.AnnualIncome!.Value, p.PercentOfIncome, p.Basis.Count(segment.Segment.Interval)),
                Excess(input, segment, p)));
        }
        return outcome;
    }

    private static decimal Excess(RuleInput input, EligibleSegment segment, NotionalAllocation p)
    {
        var notional = p.NotionalVolume.For(input.Persons(segment)) * p.NotionalPrice;
        var threshold = segment.Facts!.AnnualIncome!.Value * p.PercentOfIncome / 100m;
        return (notional - threshold) * p.Basis.Count(segment.Segment.Interval);
    }
}
