namespace Tariffs.Domain.Catalog;

/// <summary>
/// A quantity stated per basis period that may depend on household size: per household, per person
/// (× persons), or a person table (first person, second person, each further person). No quantity is negative.
/// </summary>
public sealed record Allowance
{
    private Allowance(decimal first, decimal second, decimal further, AllowanceScope scope)
    {
        First = first;
        Second = second;
        Further = further;
        Scope = scope;
    }

    /// <summary>How the quantity scales with household size.</summary>
    public AllowanceScope Scope { get; }

    /// <summary>The quantity for the household, or for the first person.</summary>
    public decimal First { get; }

    /// <summary>The quantity for the second person (person tables only).</summary>
    public decimal Second { get; }

    /// <summary>The quantity for each person from the third (person tables only).</summary>
    public decimal Further { get; }

    /// <summary>The same quantity whatever the household's size.</summary>
    public static Allowance PerHousehold(decimal quantity) => new(Guard.NonNegative(quantity), 0, 0, AllowanceScope.Household);

    /// <summary>The quantity times the number of persons.</summary>
    public static Allowance PerPerson(decimal quantity) => new(Guard.NonNegative(quantity), quantity, quantity, AllowanceScope.Person);

    /// <summary>First person, second person, each further person (Grenoble: 45, 40, 35 m³).</summary>
    public static Allowance PersonTable(decimal first, decimal second, decimal further) =>
        new(Guard.NonNegative(first), Guard.NonNegative(second), Guard.NonNegative(further), AllowanceScope.PersonTable);

    /// <summary>The quantity for a household of the given size (1 person or more).</summary>
    public decimal For(int persons)
    {
        var n = Guard.AtLeast(persons, 1);
        return Scope switch
        {
            AllowanceScope.Household => First,
            AllowanceScope.Person => First * n,
            _ => First + (n >= 2 ? Second : 0) + (n >= 3 ? Further * (n - 2) : 0),
        };
    }
}
