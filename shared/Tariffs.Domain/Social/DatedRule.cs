using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Social;

/// <summary>
/// A rule whose parameters are dated versions (<typeparamref name="T"/>); each eligible segment uses the
/// version in force on its first day, or, when <see cref="ReadOn"/> is set, on the last such day of the year on or
/// before it (a program year from 1 October reads its parameters on 1 October). The engine cuts segments where the
/// version read changes.
/// </summary>
public abstract class DatedRule<T>(string id, IReadOnlyCollection<string> tariffCodes, Timeline<T> versions)
    : SocialRule(id, tariffCodes)
{
    /// <summary>The dated parameters.</summary>
    public Timeline<T> Versions { get; } = versions;

    /// <summary>The day of the year the parameters are read on, or null to read them on each segment's first day.</summary>
    public AnnualDate? ReadOn { get; init; }

    /// <inheritdoc />
    public override void CollectChanges(DateInterval interval, ref List<LocalDate>? cuts) => Versions.CollectChanges(interval, ReadOn, ref cuts);

    /// <summary>A term of this rule for a segment under a version.</summary>
    protected static AdjustmentSegment Term(EligibleSegment segment, Dated<T> version, Explanation explanation, decimal amount) =>
        new(segment.Segment.Interval, version.Version, version.Legal, explanation, amount);

    /// <summary>
    /// Spreads a reduction of the eligible segments' bill (a positive amount, at most their bill) over the
    /// segments in proportion to each segment's bill, as <see cref="BillComponent.Reduction"/> terms.
    /// </summary>
    protected static void SpreadReduction(RuleOutcome outcome, RuleInput input, IReadOnlyList<(EligibleSegment Segment, Dated<T> Version)> segments,
        decimal reduction, decimal bill, Func<EligibleSegment, Dated<T>, decimal, Explanation> explain)
    {
        if (reduction <= 0m || bill <= 0m)
            return;
        foreach (var (segment, version) in segments)
        {
            var share = input.Bill.Total(segment.Index) / bill;
            if (share == 0m)
                continue;
            outcome.Add(segment.Index, BillComponent.Reduction, Term(segment, version, explain(segment, version, share), -reduction * share));
        }
    }

    /// <summary>
    /// The outcome of a rule that needs the household's income when some eligible segment has none:
    /// "income unknown: rule X not applied"; null when the income is known throughout.
    /// </summary>
    protected RuleOutcome? IncomeUnknown(RuleInput input)
    {
        var eligible = input.Eligible;
        for (var i = 0; i < eligible.Count; i++)
            if (eligible[i].Facts?.AnnualIncome is null)
                return RuleOutcome.NotApplied($"income unknown: rule {Id} not applied");
        return null;
    }

    /// <summary>The eligible segments with the version in force on their first day (segments before the first version are left out).</summary>
    protected List<(EligibleSegment Segment, Dated<T> Version)> Versioned(RuleInput input)
    {
        var eligible = input.Eligible;
        var list = new List<(EligibleSegment, Dated<T>)>(eligible.Count);
        for (var i = 0; i < eligible.Count; i++)
            if (VersionOf(eligible[i]) is { } version)
                list.Add((eligible[i], version));
        return list;
    }

    /// <summary>The version read for an eligible segment (in force on its first day, see <see cref="ReadOn"/>), or null before the first version.</summary>
    protected Dated<T>? VersionOf(EligibleSegment segment) => Versions.At(segment.Segment.Interval.Start, ReadOn);
}
