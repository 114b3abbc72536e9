using NodaTime;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// <c>all</c> or <c>any</c> of its parts, in three-valued logic: <c>all</c> is not met when a part is not met, met when
/// every part is met, unknown otherwise; <c>any</c> is met when a part is met, not met when every part is not met,
/// unknown otherwise. Every part's finding is kept in the explanation.
/// </summary>
public sealed class CombinedCriterion(string id, bool requireAll, IReadOnlyList<Criterion> parts) : Criterion(id)
{
    /// <summary>The kinds' catalog names.</summary>
    public const string AllKind = "all", AnyKind = "any";

    /// <summary>True for <c>all</c>, false for <c>any</c>.</summary>
    public bool RequireAll { get; } = requireAll;

    /// <summary>The parts: at least one.</summary>
    public IReadOnlyList<Criterion> Parts { get; } = parts is { Count: > 0 } ? [.. parts] : throw new ArgumentException("A combination needs at least one part.", nameof(parts));

    /// <inheritdoc />
    public override string Kind => RequireAll ? AllKind : AnyKind;

    /// <inheritdoc />
    public override CriterionFinding Evaluate(LocalDate day, HouseholdFacts facts)
    {
        var findings = new CriterionFinding[Parts.Count];
        int met = 0, notMet = 0;
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i] = Parts[i].Evaluate(day, facts);
            if (findings[i].Met == true)
                met++;
            else if (findings[i].Met == false)
                notMet++;
        }
        bool? verdict = RequireAll
            ? notMet > 0 ? false : met == findings.Length ? true : null
            : met > 0 ? true : notMet == findings.Length ? false : null;
        var why = new Explanation(RequireAll ? "all of {parts}: {met} met, {notMet} not met" : "any of {parts}: {met} met, {notMet} not met", findings.Length, met, notMet);
        return new CriterionFinding(Id, Kind, verdict, why, [], findings);
    }

    /// <inheritdoc />
    public override void CollectChanges(DateInterval range, HouseholdFacts facts, ref List<LocalDate>? cuts)
    {
        foreach (var part in Parts)
            part.CollectChanges(range, facts, ref cuts);
    }
}
