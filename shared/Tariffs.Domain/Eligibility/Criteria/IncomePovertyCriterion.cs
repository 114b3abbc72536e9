using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// Income as a percentage of a poverty guideline (CARE: income ≤ 200 % of the federal poverty guideline; FERA: over
/// 200 % and at most 250 %, as two criteria). The guideline and the limit are each dated with their legal reference.
/// The guideline is read on the day, or, when <see cref="ReadOn"/> is given, on the last such day of the year on or
/// before it (a program year from 1 June reads the guideline in force on 1 June). Unknown when the income or the
/// persons are unknown, or when no version is in force.
/// </summary>
public sealed class IncomePovertyCriterion(string id, Timeline<PovertyGuideline> guidelines, Timeline<PovertyLimit> limits, AnnualDate? readOn = null)
    : Criterion(id)
{
    /// <summary>The kind's catalog name.</summary>
    public const string KindName = "incomePovertyPercent";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The poverty guideline's versions.</summary>
    public Timeline<PovertyGuideline> Guidelines { get; } = guidelines;

    /// <summary>The limit's versions.</summary>
    public Timeline<PovertyLimit> Limits { get; } = limits;

    /// <summary>The day of the year the guideline is read on, or null to read it on the day itself.</summary>
    public AnnualDate? ReadOn { get; } = readOn;

    /// <inheritdoc />
    public override CriterionFinding Evaluate(LocalDate day, HouseholdFacts facts)
    {
        if (Guidelines.At(day, ReadOn) is not { } guideline || Limits.At(day) is not { } limit)
            return CriterionFinding.Leaf(this, null, Explanation.Literal($"no poverty guideline or limit in force on {day:yyyy-MM-dd}"));
        var sources = new[] { CriterionSource.Of("povertyGuideline", guideline), CriterionSource.Of("limit", limit) };
        if (facts.AnnualIncome is not { } income || facts.Persons is not { } persons)
            return CriterionFinding.Leaf(this, null, Explanation.Literal("income or persons unknown"), sources);
        var p = limit.Value;
        var size = Math.Max(persons, p.SizeAtLeast);
        var line = guideline.Value.For(size);
        var threshold = line * p.Percent / 100m;
        return CriterionFinding.Leaf(this, p.Comparison.Holds(income, threshold),
            new Explanation($"income {{income}} {p.Comparison.Symbol()} {{percent}}% × guideline {{guideline}} for {{size}} persons = {{limit}} ({{persons}} persons)",
                income, p.Percent, line, size, threshold, persons),
            sources);
    }

    /// <inheritdoc />
    public override void CollectChanges(DateInterval range, HouseholdFacts facts, ref List<LocalDate>? cuts)
    {
        Limits.CollectChanges(range, ref cuts);
        Guidelines.CollectChanges(range, ReadOn, ref cuts);
    }
}
