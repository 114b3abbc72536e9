using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>At least a number of persons in the household (FERA: 3 or more). Unknown when the persons are unknown.</summary>
public sealed class HouseholdSizeCriterion(string id, Timeline<int> minimum) : Criterion(id)
{
    /// <summary>The kind's catalog name.</summary>
    public const string KindName = "householdSize";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The minimum's versions.</summary>
    public Timeline<int> Minimum { get; } = minimum;

    /// <inheritdoc />
    public override CriterionFinding Evaluate(LocalDate day, HouseholdFacts facts)
    {
        if (Minimum.At(day) is not { } minimum)
            return CriterionFinding.Leaf(this, null, Explanation.Literal($"no minimum size in force on {day:yyyy-MM-dd}"));
        var source = CriterionSource.Of("minimumPersons", minimum);
        return facts.Persons is { } persons
            ? CriterionFinding.Leaf(this, persons >= minimum.Value, new Explanation("{persons} persons ≥ {minimum}", persons, minimum.Value), source)
            : CriterionFinding.Leaf(this, null, Explanation.Literal("persons unknown"), source);
    }

    /// <inheritdoc />
    public override void CollectChanges(DateInterval range, HouseholdFacts facts, ref List<LocalDate>? cuts) => Minimum.CollectChanges(range, ref cuts);
}
