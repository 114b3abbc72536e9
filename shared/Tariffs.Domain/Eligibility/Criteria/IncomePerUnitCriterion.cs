using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// Income per consumption unit compared with a threshold (chèque énergie: revenu fiscal de référence ÷ units under
/// 10,800 €): units from dated weights by rank (<see cref="ConsumptionUnits"/>, children in alternating custody a half
/// share), the threshold dated. Unknown when the income or the persons are unknown (unknown shared custody counts none).
/// </summary>
public sealed class IncomePerUnitCriterion(string id, Timeline<Allowance> weights, Timeline<IncomeThreshold> thresholds) : Criterion(id)
{
    /// <summary>The kind's catalog name.</summary>
    public const string KindName = "incomePerUnit";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The unit weights' versions (a person table: first, second, each further person).</summary>
    public Timeline<Allowance> Weights { get; } = weights;

    /// <summary>The threshold's versions.</summary>
    public Timeline<IncomeThreshold> Thresholds { get; } = thresholds;

    /// <inheritdoc />
    public override CriterionFinding Evaluate(LocalDate day, HouseholdFacts facts)
    {
        if (Weights.At(day) is not { } weights || Thresholds.At(day) is not { } threshold)
            return CriterionFinding.Leaf(this, null, Explanation.Literal($"no unit weights or threshold in force on {day:yyyy-MM-dd}"));
        var sources = new[] { CriterionSource.Of("consumptionUnits", weights), CriterionSource.Of("threshold", threshold) };
        if (facts.AnnualIncome is not { } income || facts.Persons is not { } persons)
            return CriterionFinding.Leaf(this, null, Explanation.Literal("income or persons unknown"), sources);
        var shared = facts.SharedCustodyChildren ?? 0;
        var units = ConsumptionUnits.Of(weights.Value, persons, shared);
        var perUnit = income / units;
        var t = threshold.Value;
        return CriterionFinding.Leaf(this, t.Comparison.Holds(perUnit, t.Amount),
            new Explanation($"income {{income}} ÷ {{units}} units ({{persons}} persons, {{shared}} in alternating custody) = {{perUnit}} per unit {t.Comparison.Symbol()} {{threshold}}",
                income, units, persons, shared, perUnit, t.Amount),
            sources);
    }

    /// <inheritdoc />
    public override void CollectChanges(DateInterval range, HouseholdFacts facts, ref List<LocalDate>? cuts)
    {
        Weights.CollectChanges(range, ref cuts);
        Thresholds.CollectChanges(range, ref cuts);
    }
}
