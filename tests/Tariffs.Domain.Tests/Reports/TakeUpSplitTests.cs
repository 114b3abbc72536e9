using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>The split of eligible households by how they became eligible, and the take-up gap, counted by hand.</summary>
public class TakeUpSplitTests
{
    private static readonly LocalDate End = new(2024, 12, 31);

    private static ReportLine Line(string household, EligibilityWays? ways, long payment, bool eligible) =>
        new("auto", "electricity", "A", household, End, "EUR", 25_000, 25_000, 0, payment, eligible, 1000m, "kWh") { Ways = ways };

    [Fact]
    public void A_cell_counts_households_determined_flagged_and_determined_who_received_nothing()
    {
        var builder = new EquityReportBuilder(suppressionThreshold: 1);
        builder.Add(Line("facts", EligibilityWays.Determined, 9_800, true)); // determined, received
        builder.Add(Line("flag", EligibilityWays.Flagged, 9_800, true)); // flagged, received
        builder.Add(Line("both", EligibilityWays.Both, 9_800, true)); // both: counted in each
        builder.Add(Line("revoked", EligibilityWays.Determined, 0, false)); // determined, the agency revoked: the gap
        builder.Add(Line("unknown", null, 0, true)); // stored before the basis: eligible, in none of the three
        builder.Add(Line("none", EligibilityWays.None, 0, false));
        // Two lines of one household: determined and paid nothing on the first, paid on the second → not in the gap.
        builder.Add(Line("twice", EligibilityWays.Determined, 0, true));
        builder.Add(Line("twice", EligibilityWays.None, 4_900, true));

        var year = builder.Build().Single(c => c.Key is { Area: "*", Period: "2024" });

        Assert.Equal((7, 5, 4), (year.HouseholdsBilled, year.HouseholdsEligible, year.HouseholdsReceived));
        // determined: facts, both, revoked, twice; flagged: flag, both; gap: revoked.
        Assert.Equal((4, 2, 1), (year.HouseholdsDetermined, year.HouseholdsFlagged, year.HouseholdsDeterminedNotReceived));
    }

    [Fact]
    public void A_take_up_gap_of_fewer_than_k_households_withholds_the_eligibility_group()
    {
        // k = 11: 40 billed, 20 eligible and received, 20 determined (of 40: not small), none flagged.
        var cell = new EquityCell
        {
            Key = new EquityCellKey("2024", "electricity", "auto", "*"), Currency = "EUR",
            HouseholdsBilled = 40, HouseholdsEligible = 20, HouseholdsReceived = 20, HouseholdsDetermined = 20,
        };

        Assert.False(SubPopulations.HidesEligibility(cell, 11));
        Assert.True(SubPopulations.HidesEligibility(cell with { HouseholdsDeterminedNotReceived = 1 }, 11)); // one household determined who got nothing
        Assert.True(SubPopulations.HidesEligibility(cell with { HouseholdsDeterminedNotReceived = 10 }, 11)); // 20 − 10 = 10 who received: small too
        Assert.True(SubPopulations.HidesEligibility(cell with { HouseholdsFlagged = 3 }, 11));
        Assert.True(SubPopulations.HidesEligibility(cell with { HouseholdsDetermined = 35 }, 11)); // 5 not determined
        Assert.False(SubPopulations.HidesEligibility(cell with { HouseholdsDeterminedNotReceived = 20 }, 11)); // all of them: nobody singled out
    }
}
