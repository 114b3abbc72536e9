namespace Tariffs.Domain.Scales;

/// <summary>
/// Brackets ordered by lower bound (income tiers, payment scales). A value belongs to the bracket with the
/// greatest lower bound not above it: a value exactly on a threshold belongs to the bracket that starts at
/// it — unless the scale's upper bounds are inclusive (US rules: "income ≤ limit"), when a value exactly on a
/// threshold belongs to the bracket that ends at it (the first bracket still holds its own lower bound). Below
/// the first lower bound there is no bracket.
/// </summary>
public sealed class BracketScale<T>
{
    private readonly Bracket<T>[] brackets;

    /// <summary>Creates a scale; throws when it is empty or two brackets are not in strictly increasing order.</summary>
    public BracketScale(IEnumerable<Bracket<T>> brackets, bool upperInclusive = false)
    {
        UpperInclusive = upperInclusive;
        ArgumentNullException.ThrowIfNull(brackets);
        this.brackets = brackets.ToArray();
        if (this.brackets.Length == 0)
            throw new ArgumentException("A scale needs at least one bracket.", nameof(brackets));
        for (var i = 1; i < this.brackets.Length; i++)
            if (this.brackets[i].From <= this.brackets[i - 1].From)
                throw new ArgumentException($"Bracket {i + 1} does not start above bracket {i}.", nameof(brackets));
    }

    /// <summary>A value on a threshold belongs to the bracket below it (bounds "up to and including").</summary>
    public bool UpperInclusive { get; }

    /// <summary>The brackets, lowest first.</summary>
    public IReadOnlyList<Bracket<T>> Brackets => brackets;

    /// <summary>The bracket holding the value, or null below the first lower bound.</summary>
    public Bracket<T>? Find(decimal value)
    {
        Bracket<T>? found = null;
        foreach (var bracket in brackets)
        {
            if (bracket.From > value || (UpperInclusive && bracket.From == value && found is not null))
                break;
            found = bracket;
        }
        return found;
    }
}
