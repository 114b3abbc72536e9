using NodaTime;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Domain.Tests.Eligibility;

/// <summary>Household facts and eligibility windows refuse what cannot be.</summary>
public class EligibilityValueTests
{
    private static readonly LocalDate AsOf = new(2025, 3, 1);

    [Fact]
    public void Unknown_facts_one_person_and_no_income_are_allowed()
    {
        Assert.Null(new HouseholdFacts(AsOf).Persons);
        Assert.Equal(1, new HouseholdFacts(AsOf, Persons: 1).Persons);
        Assert.Equal(0m, new HouseholdFacts(AsOf, AnnualIncome: 0m).AnnualIncome);
    }

    [Fact]
    public void Fewer_than_one_person_or_a_negative_income_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Persons", () => new HouseholdFacts(AsOf, Persons: 0));
        Assert.Throws<ArgumentOutOfRangeException>("AnnualIncome", () => new HouseholdFacts(AsOf, AnnualIncome: -0.01m));
    }

    [Fact]
    public void A_window_of_one_day_is_allowed_and_one_ending_before_it_starts_refused()
    {
        var oneDay = new EligibilityWindow("css", new DateInterval(AsOf, AsOf), AsOf, "flag-1");
        Assert.Equal(1, oneDay.Window.Length);
        Assert.Throws<ArgumentException>(() => new EligibilityWindow("css", new DateInterval(AsOf, AsOf.PlusDays(-1)), AsOf, "flag-1"));
    }
}
