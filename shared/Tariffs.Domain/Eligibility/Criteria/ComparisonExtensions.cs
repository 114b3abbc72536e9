namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>Evaluating and writing a <see cref="Comparison"/>.</summary>
public static class ComparisonExtensions
{
    /// <summary>True when the value compares with the limit as stated.</summary>
    public static bool Holds(this Comparison comparison, decimal value, decimal limit) => comparison switch
    {
        Comparison.AtMost => value <= limit,
        Comparison.Under => value < limit,
        Comparison.Over => value > limit,
        _ => value >= limit,
    };

    /// <summary>The comparison's symbol: ≤, &lt;, &gt;, ≥.</summary>
    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.AtMost => "≤",
        Comparison.Under => "<",
        Comparison.Over => ">",
        _ => "≥",
    };
}
