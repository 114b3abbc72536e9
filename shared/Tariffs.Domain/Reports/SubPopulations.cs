namespace Tariffs.Domain.Reports;

/// <summary>
/// The sub-population rule of public output: a count of households inside a published cell (eligible, received,
/// of known income, above the affordability threshold) is a small group when it, or what it leaves of the
/// population it is counted in, is between 1 and k − 1. Such a count is withheld with every ratio built on it, so
/// that no group of fewer than k households (not even "the one eligible household that received nothing") can be
/// read off. Zero and "all of them" stay visible: they single nobody out, though they say something of everyone.
/// </summary>
public static class SubPopulations
{
    /// <summary>True when <paramref name="count"/> households out of <paramref name="population"/> make a group of 1..k−1 either way.</summary>
    public static bool IsSmall(int count, int population, int k) => Small(count, k) || Small(population - count, k);

    /// <summary>
    /// True when the eligibility group (households eligible, received, the take-up rate, determined, flagged, the
    /// take-up gap) must be withheld: eligible among billed, received among eligible (so eligible − received, the
    /// non-take-up, too), determined or flagged among billed, or the gap among determined is a small group.
    /// </summary>
    public static bool HidesEligibility(EquityCell cell, int k)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return IsSmall(cell.HouseholdsEligible, cell.HouseholdsBilled, k) || IsSmall(cell.HouseholdsReceived, cell.HouseholdsEligible, k)
            || IsSmall(cell.HouseholdsDetermined, cell.HouseholdsBilled, k) || IsSmall(cell.HouseholdsFlagged, cell.HouseholdsBilled, k)
            || IsSmall(cell.HouseholdsDeterminedNotReceived, cell.HouseholdsDetermined, k);
    }

    /// <summary>
    /// True when the income group (households with known income, the affordability shares) must be withheld: known
    /// among billed, or above the threshold (before or after) among known, is a small group.
    /// </summary>
    public static bool HidesIncome(EquityCell cell, int k)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return IsSmall(cell.HouseholdsWithKnownIncome, cell.HouseholdsBilled, k)
            || IsSmall(cell.HouseholdsAboveThresholdBefore, cell.HouseholdsWithKnownIncome, k)
            || IsSmall(cell.HouseholdsAboveThresholdAfter, cell.HouseholdsWithKnownIncome, k);
    }

    private static bool Small(int count, int k) => count >= 1 && count < k;
}
