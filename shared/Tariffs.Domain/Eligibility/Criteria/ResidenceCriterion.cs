using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// Residence and tenure (chèque énergie: main residence; Belgian gas social tariff: tenants of social housing): met
/// when every stated condition holds; unknown when a fact a condition needs is unknown.
/// </summary>
public sealed class ResidenceCriterion(string id, Timeline<ResidenceCondition> conditions) : Criterion(id)
{
    /// <summary>The kind's catalog name.</summary>
    public const string KindName = "residence";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The condition's versions.</summary>
    public Timeline<ResidenceCondition> Conditions { get; } = conditions;

    /// <inheritdoc />
    public override CriterionFinding Evaluate(LocalDate day, HouseholdFacts facts)
    {
        if (Conditions.At(day) is not { } condition)
            return CriterionFinding.Leaf(this, null, Explanation.Literal($"no residence condition in force on {day:yyyy-MM-dd}"));
        var source = CriterionSource.Of("residence", condition);
        var c = condition.Value;
        var reasons = new List<string>(2);
        bool? met = true;
        if (c.MainResidence)
        {
            reasons.Add(facts.MainResidence switch { true => "main residence", false => "not the main residence", null => "main residence unknown" });
            met = And(met, facts.MainResidence);
        }
        if (c.Tenures is { } tenures)
        {
            var listed = string.Join(", ", tenures);
            bool? holds = facts.Tenure is { } tenure ? tenures.Contains(tenure, StringComparer.Ordinal) : null;
            reasons.Add(holds switch { true => $"tenure {facts.Tenure} (listed: {listed})", false => $"tenure {facts.Tenure} not in {listed}", null => "tenure unknown" });
            met = And(met, holds);
        }
        return CriterionFinding.Leaf(this, met, Explanation.Literal(reasons.Count == 0 ? "no condition" : string.Join("; ", reasons)), source);
    }

    /// <inheritdoc />
    public override void CollectChanges(DateInterval range, HouseholdFacts facts, ref List<LocalDate>? cuts) => Conditions.CollectChanges(range, ref cuts);

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;
}
