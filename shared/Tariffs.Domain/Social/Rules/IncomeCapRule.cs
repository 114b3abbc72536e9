using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Income cap (step 3, Philadelphia TAP): the eligible segments' bill, as left by the steps before, is capped
/// at a percentage of annual income chosen by the income's tier against the poverty line for the household's
/// size, prorated over the same segments (a monthly basis is one twelfth of the annual amount per calendar
/// month), and never below the minimum bill prorated the same way. Reduction = max(0, bill − cap), spread
/// over the segments in proportion to their bill. Segments in a tier without a cap keep their bill. Does not
/// apply when the income is unknown.
/// </summary>
public sealed class IncomeCapRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<IncomeCap> versions)
    : DatedRule<IncomeCap>(id, tariffCodes, versions)
{
    /// <inheritdoc />
    public override RuleStep Step => RuleStep.Cap;

    /// <inheritdoc />
    public override RuleOutcome Apply(RuleInput input)
    {
        if (IncomeUnknown(input) is { } unknown)
            return unknown;
        var capped = new List<(EligibleSegment, Dated<IncomeCap>)>(input.Eligible.Count);
        var bill = 0m;
        var cap = 0m;
        foreach (var (segment, version) in Versioned(input))
        {
            if (CapOf(input, segment, version.Value) is not { } segmentCap)
                continue;
            capped.Add((segment, version));
            bill += input.Bill.Total(segment.Index);
            cap += segmentCap;
        }
        var outcome = new RuleOutcome();
        SpreadReduction(outcome, input, capped, bill - cap, bill, (segment, version, share) =>
        {
            var p = version.Value;
            var income = segment.Facts!.AnnualIncome!.Value;
            var poverty = p.PovertyLine.For(input.Persons(segment));
            var percent = p.Tiers.Find(income * 100m / poverty)!.Value!.Value;
            return new Explanation(
                "−(bill {bill} − cap {cap}) × share {share}; cap = max({income} × {percent}% ÷ {periodsPerYear}, minimum {minimum}) × {periods} periods; income at {povertyPercent}% of poverty line {povertyLine}",
                bill, cap, share, income, percent, PeriodsPerYear(p.Basis), p.MinimumBill, p.Basis.Count(segment.Segment.Interval),
                income * 100m / poverty, poverty);
        });
        return outcome;
    }

    /// <summary>The cap of one segment, or null when the income's tier has none.</summary>
    private static decimal? CapOf(RuleInput input, EligibleSegment segment, IncomeCap p)
    {
        var income = segment.Facts!.AnnualIncome!.Value;
        var poverty = p.PovertyLine.For(input.Persons(segment));
        if (poverty <= 0m || p.Tiers.Find(income * 100m / poverty)?.Value is not { } percent)
            return null;
        var perBasis = Math.Max(income * percent / 100m / PeriodsPerYear(p.Basis), p.MinimumBill);
        return perBasis * p.Basis.Count(segment.Segment.Interval);
    }

    private static decimal PeriodsPerYear(BasisPeriod basis) => basis.Unit switch
    {
        BasisUnit.Month => 12m,
        _ => 1m,
    };
}
