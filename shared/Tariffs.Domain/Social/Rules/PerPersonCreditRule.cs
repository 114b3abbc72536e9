using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Per-person credit (step 4, Dunkerque chèque eau): a fixed credit per basis period for each household
/// member from the n-th, prorated over the eligible segments. The credit never exceeds the eligible segments'
/// bill as left by the steps before (it is then scaled down on every segment alike).
/// </summary>
public sealed class PerPersonCreditRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<PerPersonCredit> versions)
    : DatedRule<PerPersonCredit>(id, tariffCodes, versions)
{
    /// <inheritdoc />
    public override RuleStep Step => RuleStep.Credit;

    /// <inheritdoc />
    public override RuleOutcome Apply(RuleInput input)
    {
        var eligible = input.Eligible;
        // Basis periods of each segment, counted once for the credit and again for its terms.
        Span<decimal> periods = eligible.Count <= 16 ? stackalloc decimal[eligible.Count] : new decimal[eligible.Count];
        var credit = 0m;
        var bill = 0m;
        for (var i = 0; i < eligible.Count; i++)
        {
            var segment = eligible[i];
            if (VersionOf(segment) is not { } version)
                continue;
            var p = version.Value;
            periods[i] = p.Basis.Count(segment.Segment.Interval);
            credit += p.Amount * Counted(input, segment, p) * periods[i];
            bill += input.Bill.Total(segment.Index);
        }
        var outcome = new RuleOutcome();
        if (credit <= 0m || bill <= 0m)
            return outcome;
        var scale = credit > bill ? bill / credit : 1m;
        for (var i = 0; i < eligible.Count; i++)
        {
            var segment = eligible[i];
            if (VersionOf(segment) is not { } version)
                continue;
            var p = version.Value;
            var counted = Counted(input, segment, p);
            if (counted == 0)
                continue;
            outcome.Add(segment.Index, BillComponent.Reduction, Term(segment, version,
                new Explanation("−{amount} × {persons} persons from person {from} × {periods} periods × {scale}",
                    p.Amount, counted, p.FromPerson, periods[i], scale),
                -(p.Amount * counted * periods[i]) * scale));
        }
        return outcome;
    }

    private static int Counted(RuleInput input, EligibleSegment segment, PerPersonCredit p) =>
        Math.Max(0, input.Persons(segment) - p.FromPerson + 1);
}
