using NodaTime;
using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Engine;

/// <summary>
/// One term of an adjustment's explanation: the segment it covers, the rule version and its legal
/// reference, the inputs and formula (<see cref="Explanation"/>) and the full-precision amount.
/// <see cref="Detail"/> renders the formula with its values, in words a person can recheck.
/// </summary>
public sealed record AdjustmentSegment(DateInterval Interval, string RuleVersion, LegalReference Legal, Explanation Explanation, decimal Amount)
{
    /// <summary>A term explained in plain text (no separate inputs), as read back from storage.</summary>
    public AdjustmentSegment(DateInterval interval, string ruleVersion, LegalReference legal, string detail, decimal amount)
        : this(interval, ruleVersion, legal, Explanation.Literal(detail), amount)
    {
    }

    /// <summary>The formula with its values, for example <c>"80 m³ in block 1 × (0.34 − 0.89)"</c>.</summary>
    public string Detail => Explanation.ToString();
}
