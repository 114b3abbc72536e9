using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Eligibility.Criteria;

namespace Tariffs.Domain.Tests.Eligibility.Criteria;

/// <summary>
/// Determination of eligibility from dated facts (issue 14): every threshold one below, on and one above, inclusive
/// against exclusive limits, half shares, benefits' dates, three-valued all/any, and parameter change dates.
/// </summary>
public class EligibilityDeterminationTests
{
    private static readonly DateInterval Year2024 = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
    private static readonly LegalReference Fpg2024 = new("HHS poverty guidelines 2024, 89 FR 2961");
    private static readonly LegalReference Fpg2025 = new("HHS poverty guidelines 2025, 90 FR 5917");
    private static readonly LegalReference Care = new("Cal. Pub. Util. Code § 739.1");

    private static Timeline<T> Once<T>(T value, LegalReference? legal = null) => new([new Dated<T>(new LocalDate(2000, 1, 1), legal ?? new LegalReference("test"), value)]);

    /// <summary>HHS guidelines 2024 (from 17 Jan 2024) and 2025 (from 17 Jan 2025), 48 states.</summary>
    private static Timeline<PovertyGuideline> Guidelines() => new([
        new Dated<PovertyGuideline>(new LocalDate(2024, 1, 17), Fpg2024, new PovertyGuideline([15060m, 20440m, 25820m, 31200m], 5380m)),
        new Dated<PovertyGuideline>(new LocalDate(2025, 1, 17), Fpg2025, new PovertyGuideline([15650m, 21150m, 26650m, 32150m], 5500m)),
    ]);

    private static IncomePovertyCriterion CareIncome(Comparison comparison = Comparison.AtMost, AnnualDate? readOn = null) =>
        new("care-income", Guidelines(), Once(new PovertyLimit(200m, comparison, SizeAtLeast: 2), Care), readOn);

    private static HouseholdFacts Facts(decimal? income, int? persons, LocalDate? asOf = null) =>
        new(asOf ?? new LocalDate(2024, 2, 1), income, null, persons);

    private static DeterminedPeriod Only(Criterion criterion, HouseholdFacts facts, DateInterval? range = null)
    {
        var periods = EligibilityDetermination.Determine("p", criterion, [facts], range ?? new DateInterval(new LocalDate(2024, 2, 1), new LocalDate(2024, 12, 31)));
        return Assert.Single(periods);
    }

    [Theory]
    // 4 persons in 2024: 200 % × 31,200 = 62,400; "income ≤ limit".
    [InlineData(62399, true)]
    [InlineData(62400, true)]
    [InlineData(62401, false)]
    public void Income_at_most_a_percentage_of_the_guideline_includes_the_limit(decimal income, bool eligible) =>
        Assert.Equal(eligible, Only(CareIncome(), Facts(income, 4)).Eligible);

    [Theory]
    [InlineData(62399, true)]
    [InlineData(62400, false)]
    [InlineData(62401, false)]
    public void Income_under_a_percentage_of_the_guideline_excludes_the_limit(decimal income, bool eligible) =>
        Assert.Equal(eligible, Only(CareIncome(Comparison.Under), Facts(income, 4)).Eligible);

    [Theory]
    // One person counts as two: 200 % × 20,440 = 40,880 (not 200 % × 15,060 = 30,120).
    [InlineData(1, 40880, true)]
    [InlineData(1, 40881, false)]
    // Beyond the table: 6 persons = 31,200 + 2 × 5,380 = 41,960; × 200 % = 83,920.
    [InlineData(6, 83920, true)]
    [InlineData(6, 83921, false)]
    public void Household_size_reads_the_table_with_a_minimum_size_and_an_amount_per_extra_person(int persons, decimal income, bool eligible) =>
        Assert.Equal(eligible, Only(CareIncome(), Facts(income, persons)).Eligible);

    [Fact]
    public void A_new_guideline_takes_effect_on_its_date_and_the_explanation_names_each_version()
    {
        // 4 persons, income 63,000: above 62,400 (2024), at most 64,300 (2025: 200 % × 32,150).
        var periods = EligibilityDetermination.Determine("care", CareIncome(), [Facts(63000m, 4)], new DateInterval(new LocalDate(2024, 6, 1), new LocalDate(2025, 6, 30)));
        Assert.Equal(2, periods.Count);
        Assert.Equal((new LocalDate(2024, 6, 1), new LocalDate(2025, 1, 16), (bool?)false), (periods[0].Period.Start, periods[0].Period.End, periods[0].Eligible));
        Assert.Equal((new LocalDate(2025, 1, 17), new LocalDate(2025, 6, 30), (bool?)true), (periods[1].Period.Start, periods[1].Period.End, periods[1].Eligible));
        Assert.Equal("care-income (incomePovertyPercent): met — income 63000 ≤ 200% × guideline 32150 for 4 persons = 64300 (4 persons) "
            + "[povertyGuideline 2025-01-17 (HHS poverty guidelines 2025, 90 FR 5917); limit 2000-01-01 (Cal. Pub. Util. Code § 739.1)]",
            periods[1].Finding.ToString());
        var window = Assert.Single(EligibilityDetermination.Windows(periods));
        Assert.Equal(("care", new DateInterval(new LocalDate(2025, 1, 17), new LocalDate(2025, 6, 30)), "determined:care:2025-01-17"), (window.ProgramId, window.Window, window.FlagId));
        Assert.Equal(63000m, window.Facts!.AnnualIncome);
    }

    [Fact]
    public void A_guideline_read_on_a_day_of_the_year_changes_on_that_day()
    {
        // Read on 1 June (a program year from 1 June): the 2025 guideline applies from 1 June 2025, not 17 January.
        var periods = EligibilityDetermination.Determine("care", CareIncome(readOn: new AnnualDate(6, 1)), [Facts(63000m, 4)],
            new DateInterval(new LocalDate(2024, 6, 1), new LocalDate(2025, 12, 31)));
        Assert.Equal(
            ["2024-06-01..2025-05-31 False", "2025-06-01..2025-12-31 True"],
            periods.Select(p => $"{p.Period.Start:yyyy-MM-dd}..{p.Period.End:yyyy-MM-dd} {p.Eligible}"));
        Assert.Contains("povertyGuideline 2025-01-17", periods[1].Finding.ToString());
    }

    private static IncomePerUnitCriterion ChequeEnergie() =>
        new("rfr-per-unit", Once(Allowance.PersonTable(1m, 0.5m, 0.3m)), new([
            new Dated<IncomeThreshold>(new LocalDate(2019, 1, 1), new LegalReference("Arrêté du 26 décembre 2018"), new IncomeThreshold(10700m, Comparison.Under)),
            new Dated<IncomeThreshold>(new LocalDate(2021, 1, 1), new LegalReference("threshold 2021"), new IncomeThreshold(10800m, Comparison.Under)),
        ]));

    [Theory]
    // Two adults and a child in alternating custody: 1 + 0.5 + 0.3 / 2 = 1.65 units; 1.65 × 10,800 = 17,820.
    [InlineData(17819.99, 1, true)]
    [InlineData(17820, 1, false)]
    [InlineData(17820.01, 1, false)]
    // The same child living there full time: 1.8 units; 17,820 ÷ 1.8 = 9,900.
    [InlineData(17820, 0, true)]
    [InlineData(19439.99, 0, true)]
    [InlineData(19440, 0, false)]
    public void Income_per_consumption_unit_under_the_threshold_counts_a_shared_child_half(decimal income, int shared, bool eligible)
    {
        var facts = new HouseholdFacts(new LocalDate(2024, 2, 1), income, 2022, 3, SharedCustodyChildren: shared);
        Assert.Equal(eligible, Only(ChequeEnergie(), facts).Eligible);
    }

    [Fact]
    public void Income_per_unit_across_a_threshold_change()
    {
        // 1 person, 10,750: not under 10,700 (2020), under 10,800 (from 2021).
        var periods = EligibilityDetermination.Determine("ce", ChequeEnergie(), [Facts(10750m, 1, new LocalDate(2020, 1, 1))],
            new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2021, 12, 31)));
        Assert.Equal(["2020-01-01 False", "2021-01-01 True"], periods.Select(p => $"{p.Period.Start:yyyy-MM-dd} {p.Eligible}"));
        Assert.Contains("income 10750 ÷ 1 units (1 persons, 0 in alternating custody) = 10750 per unit < 10800", periods[1].Finding.ToString());
    }

    [Theory]
    [InlineData(3, 1.65)]
    [InlineData(2, 1.5)]
    [InlineData(1, 1)]
    public void Consumption_units_by_rank_with_half_shares(int persons, decimal units) =>
        Assert.Equal(units, ConsumptionUnits.Of(Allowance.PersonTable(1m, 0.5m, 0.3m), persons, persons == 3 ? 1 : 0));

    [Fact]
    public void One_adult_with_a_child_in_alternating_custody_counts_half_the_second_rank() =>
        Assert.Equal(1.25m, ConsumptionUnits.Of(Allowance.PersonTable(1m, 0.5m, 0.3m), 2, 1));

    private static BenefitCriterion Benefits() => new("categorical", Once<IReadOnlyList<string>>(["ris", "grapa"]));

    [Fact]
    public void Receiving_a_listed_benefit_holds_exactly_over_its_dates()
    {
        var facts = new HouseholdFacts(new LocalDate(2025, 1, 1), Benefits: [
            new BenefitReceipt("ris", new DateInterval(new LocalDate(2025, 3, 10), new LocalDate(2025, 8, 31))),
            new BenefitReceipt("other", new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31))),
        ]);
        var periods = EligibilityDetermination.Determine("be", Benefits(), [facts], new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)));
        Assert.Equal(
            ["2025-01-01..2025-03-09 False", "2025-03-10..2025-08-31 True", "2025-09-01..2025-12-31 False"],
            periods.Select(p => $"{p.Period.Start:yyyy-MM-dd}..{p.Period.End:yyyy-MM-dd} {p.Eligible}"));
        Assert.Contains("receives ris from 2025-03-10 to 2025-08-31 (listed: ris, grapa)", periods[1].Finding.ToString());
    }

    [Fact]
    public void Benefits_not_stated_are_unknown_and_none_is_not_met()
    {
        Assert.Null(Only(Benefits(), new HouseholdFacts(new LocalDate(2024, 2, 1))).Eligible);
        Assert.False(Only(Benefits(), new HouseholdFacts(new LocalDate(2024, 2, 1), Benefits: [])).Eligible);
    }

    [Theory]
    [InlineData(true, "social-tenant", true)]
    [InlineData(true, "owner", false)]
    [InlineData(false, "social-tenant", false)]
    [InlineData(null, "social-tenant", null)]
    [InlineData(true, null, null)]
    public void Residence_and_tenure(bool? main, string? tenure, bool? eligible)
    {
        var criterion = new ResidenceCriterion("home", Once(new ResidenceCondition(true, ["social-tenant"])));
        Assert.Equal(eligible, Only(criterion, new HouseholdFacts(new LocalDate(2024, 2, 1), MainResidence: main, Tenure: tenure)).Eligible);
    }

    [Theory]
    // CARE: any of income (unknown here) or a benefit; "all" needs both.
    [InlineData(true, true, null)]
    [InlineData(true, false, false)]
    [InlineData(false, true, true)]
    [InlineData(false, false, null)]
    public void All_and_any_in_three_valued_logic(bool all, bool receives, bool? eligible)
    {
        var criterion = new CombinedCriterion("care", all, [CareIncome(), Benefits()]);
        var facts = new HouseholdFacts(new LocalDate(2024, 2, 1), Persons: 2, Benefits: receives ? [new BenefitReceipt("ris", Year2024)] : []);
        Assert.Equal(eligible, Only(criterion, facts).Eligible);
    }

    [Fact]
    public void New_facts_end_a_window_the_day_before_they_hold_and_nothing_is_determined_before_the_first()
    {
        var first = Facts(50000m, 4, new LocalDate(2024, 3, 1));
        var raise = Facts(70000m, 4, new LocalDate(2024, 9, 15));
        var periods = EligibilityDetermination.Determine("care", CareIncome(), [raise, first], Year2024);
        Assert.Equal(["2024-03-01..2024-09-14 True", "2024-09-15..2024-12-31 False"], periods.Select(p => $"{p.Period.Start:yyyy-MM-dd}..{p.Period.End:yyyy-MM-dd} {p.Eligible}"));
        Assert.Same(first, periods[0].Facts);
        Assert.Same(raise, periods[1].Facts);
    }

    [Fact]
    public void Of_two_statements_on_one_day_the_later_wins()
    {
        var day = new LocalDate(2024, 3, 1);
        var periods = EligibilityDetermination.Determine("care", CareIncome(), [Facts(50000m, 4, day), Facts(70000m, 4, day)], Year2024);
        Assert.False(Assert.Single(periods).Eligible);
    }

    [Fact]
    public void An_agency_decision_for_a_program_wins_over_its_determination()
    {
        var facts = Facts(50000m, 4);
        var care = new EligibilityWindow("care", Year2024, new LocalDate(2024, 1, 1), "determined:care:2024-01-01", facts);
        var fera = new EligibilityWindow("fera", Year2024, new LocalDate(2024, 1, 1), "determined:fera:2024-01-01", facts);
        var flag = new EligibilityWindow("care", new DateInterval(new LocalDate(2024, 5, 1), new LocalDate(2024, 6, 30)), new LocalDate(2024, 5, 2), "flag-1");
        Assert.Equal(["flag-1", "determined:fera:2024-01-01"], EligibilityDetermination.Merge([flag], [], [care, fera]).Select(w => w.FlagId));
        // A revoked program (no agency window left) still overrides its determination.
        Assert.Equal(["determined:care:2024-01-01"], EligibilityDetermination.Merge([], ["fera"], [care, fera]).Select(w => w.FlagId));
    }
}
