using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// Receipt of any of the listed benefits on the day (Belgian social tariff: RIS, GRAPA …; CARE: CalFresh, Medi-Cal …):
/// met when a benefit received has a listed code (ordinal) and its period holds the day. Unknown when the facts do not
/// state the benefits received (an empty list states none).
/// </summary>
public sealed class BenefitCriterion(string id, Timeline<IReadOnlyList<string>> codes) : Criterion(id)
{
    /// <summary>The kind's catalog name.</summary>
    public const string KindName = "receivesBenefit";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The listed codes' versions.</summary>
    public Timeline<IReadOnlyList<string>> Codes { get; } = codes;

    /// <inheritdoc />
    public override CriterionFinding Evaluate(LocalDate day, HouseholdFacts facts)
    {
        if (Codes.At(day) is not { } codes)
            return CriterionFinding.Leaf(this, null, Explanation.Literal($"no list of benefits in force on {day:yyyy-MM-dd}"));
        var source = CriterionSource.Of("benefits", codes);
        if (facts.Benefits is not { } benefits)
            return CriterionFinding.Leaf(this, null, Explanation.Literal("benefits received unknown"), source);
        var listed = string.Join(", ", codes.Value);
        foreach (var benefit in benefits)
            if (benefit.Period.Contains(day) && codes.Value.Contains(benefit.Code, StringComparer.Ordinal))
                return CriterionFinding.Leaf(this, true,
                    Explanation.Literal($"receives {benefit.Code} from {benefit.Period.Start:yyyy-MM-dd} to {benefit.Period.End:yyyy-MM-dd} (listed: {listed})"), source);
        return CriterionFinding.Leaf(this, false, Explanation.Literal($"receives none of {listed}"), source);
    }

    /// <inheritdoc />
    public override void CollectChanges(DateInterval range, HouseholdFacts facts, ref List<LocalDate>? cuts)
    {
        Codes.CollectChanges(range, ref cuts);
        foreach (var benefit in facts.Benefits ?? [])
        {
            Cut(range, benefit.Period.Start, ref cuts);
            if (benefit.Period.End < range.End)
                Cut(range, benefit.Period.End.PlusDays(1), ref cuts);
        }
    }
}
