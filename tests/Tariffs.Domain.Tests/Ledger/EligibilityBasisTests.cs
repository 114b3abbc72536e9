using NodaTime;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Tests.Ledger;

public class EligibilityBasisTests
{
    private static readonly DateInterval June = new(new LocalDate(2024, 6, 1), new LocalDate(2024, 6, 30));

    private static SocialProgram Program(string id, EligibilityStart start = EligibilityStart.AsGiven) => new(id, id, start, false, []);

    private static EligibilityWindow Window(string program, LocalDate from, LocalDate decided, string flagId) =>
        new(program, new DateInterval(from, new LocalDate(2024, 12, 31)), decided, flagId);

    [Fact]
    public void Each_program_is_marked_by_the_windows_that_give_it_a_day_of_the_line_after_its_start_policy()
    {
        SocialProgram[] programs = [Program("a"), Program("b"), Program("c", EligibilityStart.NextBillingPeriod), Program("d")];
        var may = new LocalDate(2024, 5, 1);
        // a: an agency window and a determined one; b: determined only; c: determined, but decided during June → counts from the next period only;
        // d: an agency window ending before June.
        EligibilityWindow[] agency = [Window("a", may, may, "flag-a"), new("d", new DateInterval(may, new LocalDate(2024, 5, 31)), may, "flag-d")];
        EligibilityWindow[] determined = [Window("a", may, may, "determined:a:2024-05-01"), Window("b", may, may, "determined:b:2024-05-01"),
            Window("c", may, new LocalDate(2024, 6, 10), "determined:c:2024-05-01")];

        var basis = EligibilityBasis.Of(programs, agency, determined, June);

        Assert.Equal([new ProgramBasis("a", EligibilityWays.Both), new ProgramBasis("b", EligibilityWays.Determined)], basis.Programs);
        Assert.Equal(EligibilityWays.Both, basis.Ways);
        Assert.Same(EligibilityBasis.None, EligibilityBasis.Of(programs, [], [], June));
    }

    [Fact]
    public void A_line_s_basis_is_its_latest_stored_correction_s_else_its_own_and_unknown_before_it_was_recorded()
    {
        var t0 = Instant.FromUtc(2025, 1, 1, 0, 0);
        var line = new LedgerLine(new LedgerLineId("h", "b", 1), "op", "auto", "electricity", Currency.Eur, "acc", "A", true, 1, June, 100m, "kWh", "BASE",
            2_500, 2_500, true, t0, []) { PricedBasis = new EligibilityBasis([new ProgramBasis("a", EligibilityWays.Flagged)]) };
        LedgerItem Correction(string rule, int sequence, int minutes, EligibilityWays? ways) =>
            new(rule, "a", RuleStep.Payment, 100, sequence, "", "", June, [])
            {
                StoredAt = t0.Plus(Duration.FromMinutes(minutes)),
                Basis = ways is { } w ? EligibilityBasis.OfWays(w) : null,
            };
        // Rule "z" sorts after "y" but was corrected first: the instant decides, not the key order; a correction without a basis (stored before it existed) is skipped.
        var corrected = line with { Items = [Correction("y", 1, 20, EligibilityWays.None), Correction("y", 2, 30, null), Correction("z", 1, 10, EligibilityWays.Determined)] };

        Assert.Equal(EligibilityWays.Flagged, line.Basis!.Ways);
        Assert.Equal(EligibilityWays.None, corrected.Basis!.Ways);
        Assert.Equal(EligibilityWays.Determined, corrected.StoredBefore(t0.Plus(Duration.FromMinutes(15))).Basis!.Ways);
        Assert.Equal(EligibilityWays.None, corrected.ToReportLine().Ways);
        Assert.Null((line with { PricedBasis = null }).ToReportLine().Ways);
    }
}
