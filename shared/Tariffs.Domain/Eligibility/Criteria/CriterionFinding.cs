using System.Text;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// What a criterion found on a day: met, not met, or unknown (null: a fact it needs is unknown, or no version is in
/// force), why (the formula with the facts and values used), the dated parameters it read with their legal
/// references, and, for <c>all</c>/<c>any</c>, the findings of its parts.
/// </summary>
public sealed record CriterionFinding(string CriterionId, string Kind, bool? Met, Explanation Why, IReadOnlyList<CriterionSource> Sources, IReadOnlyList<CriterionFinding> Parts)
{
    /// <summary>A leaf finding.</summary>
    public static CriterionFinding Leaf(Criterion criterion, bool? met, Explanation why, params CriterionSource[] sources) =>
        new(criterion.Id, criterion.Kind, met, why, sources, []);

    /// <summary>"met", "not met" or "unknown".</summary>
    public string Verdict => Met switch { true => "met", false => "not met", null => "unknown" };

    /// <summary>The finding and its parts, one per line, parts indented: "id (kind): verdict — why [sources]".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, 0);
        return text.ToString();
    }

    private void Append(StringBuilder text, int depth)
    {
        if (depth > 0)
            text.Append('\n').Append(' ', depth * 2);
        text.Append(CriterionId).Append(" (").Append(Kind).Append("): ").Append(Verdict).Append(" — ").Append(Why);
        if (Sources.Count > 0)
            text.Append(" [").Append(string.Join("; ", Sources)).Append(']');
        foreach (var part in Parts)
            part.Append(text, depth + 1);
    }
}
