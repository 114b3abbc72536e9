using Tariffs.Domain.Dates;

namespace Tariffs.Domain.Social.Parameters;

/// <summary>
/// One version of a per-person credit (Dunkerque chèque eau): <paramref name="Amount"/> per basis period for
/// each household member from the <paramref name="FromPerson"/>-th (a household of 7 with from 6 counts 2).
/// </summary>
public sealed record PerPersonCredit(decimal Amount, int FromPerson, BasisPeriod Basis)
{
    /// <summary>The credit per counted person and basis period: 0 or more.</summary>
    public decimal Amount { get; } = Guard.NonNegative(Amount);

    /// <summary>The first person counted: 1 or more (1 counts every member).</summary>
    public int FromPerson { get; } = Guard.AtLeast(FromPerson, 1);
}
