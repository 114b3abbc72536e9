namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// How a value compares with a limit, stated explicitly per criterion because published rules differ: US rules are
/// written "income ≤ limit" (<see cref="AtMost"/>), the chèque énergie "revenu … inférieur à" (<see cref="Under"/>).
/// </summary>
public enum Comparison
{
    /// <summary>Value ≤ limit: a value on the limit meets it.</summary>
    AtMost,

    /// <summary>Value &lt; limit: a value on the limit does not meet it.</summary>
    Under,

    /// <summary>Value &gt; limit (a lower bound that excludes the limit: FERA is above 200 %).</summary>
    Over,

    /// <summary>Value ≥ limit.</summary>
    AtLeast,
}
