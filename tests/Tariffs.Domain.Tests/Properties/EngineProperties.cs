using FsCheck.Xunit;
using NodaTime;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Tests.Properties;

/// <summary>
/// Properties of the engine over generated lines (periods inside 2022, quantities up to 600 m³, 1–8 persons,
/// eligibility from any day). Periods stay inside one calendar year: across years, year-basis widths change
/// per day (365 vs 366) while consumption is spread evenly, so segmenting legitimately moves block fills.
/// </summary>
public class EngineProperties
{
    private static (DateInterval Period, decimal Quantity, int Persons) Generate(ushort start, ushort length, ushort quantity, byte persons)
    {
        var from = PropertyCatalog.Start.PlusDays(start % 360);
        var to = from.PlusDays(length % (365 - (start % 360)));
        if (to.Year != 2022)
            to = new LocalDate(2022, 12, 31);
        return (new DateInterval(from, to), quantity % 60001 / 100m, persons % 8 + 1);
    }

    [Property(MaxTest = 300)]
    public bool Splitting_a_period_in_two_moves_a_total_by_at_most_a_cent(ushort start, ushort length, ushort quantity, byte persons, ushort cut, bool eligible)
    {
        var (period, q, n) = Generate(start, length, quantity, persons);
        if (period.Length < 2)
            return true;
        var catalog = PropertyCatalog.Create(withCapAndCredit: false);
        IReadOnlyList<Tariffs.Domain.Eligibility.EligibilityWindow> windows = eligible ? [PropertyCatalog.From(new LocalDate(2021, 1, 1))] : [];
        var k = cut % (period.Length - 1) + 1;
        var first = new DateInterval(period.Start, period.Start.PlusDays(k - 1));
        var second = new DateInterval(first.End.PlusDays(1), period.End);

        var whole = TariffEngine.Price(PropertyCatalog.Line(period, q, n), catalog, windows);
        var a = TariffEngine.Price(PropertyCatalog.Line(first, q * k / period.Length, n), catalog, windows);
        var b = TariffEngine.Price(PropertyCatalog.Line(second, q * (period.Length - k) / period.Length, n), catalog, windows);

        return Math.Abs(whole.StandardBill - (a.StandardBill + b.StandardBill)) <= 0.01m
            && Math.Abs(whole.SocialBill - (a.SocialBill + b.SocialBill)) <= 0.01m * 3; // standard bill and each of two rules round once per line
    }

    [Property(MaxTest = 300)]
    public bool No_discount_or_credit_takes_the_bill_below_zero(ushort start, ushort length, ushort quantity, byte persons, ushort eligibleFrom)
    {
        var (period, q, n) = Generate(start, length, quantity, persons);
        var outcome = TariffEngine.Price(PropertyCatalog.Line(period, q, n), PropertyCatalog.Create(),
            [PropertyCatalog.From(PropertyCatalog.Start.PlusDays(eligibleFrom % 365))]);

        var reductions = outcome.Adjustments.Where(x => x.Step < RuleStep.Payment).Sum(x => x.Amount);
        return outcome.SocialBill >= 0m && -reductions <= outcome.StandardBill;
    }

    [Property(MaxTest = 300)]
    public bool A_cap_never_raises_a_bill(ushort start, ushort length, ushort quantity, byte persons, ushort eligibleFrom)
    {
        var (period, q, n) = Generate(start, length, quantity, persons);
        var outcome = TariffEngine.Price(PropertyCatalog.Line(period, q, n), PropertyCatalog.Create(),
            [PropertyCatalog.From(PropertyCatalog.Start.PlusDays(eligibleFrom % 365))]);

        return outcome.Adjustments.Where(x => x.Step == RuleStep.Cap).All(x => x.Amount <= 0m);
    }

    /// <summary>For rules linear in eligible days (block price, discount, credit); a cap compares aggregates and is excluded.</summary>
    [Property(MaxTest = 300)]
    public bool Adding_an_eligible_day_never_lowers_the_total_credit(ushort start, ushort length, ushort quantity, byte persons, ushort eligibleFrom)
    {
        var (period, q, n) = Generate(start, length, quantity, persons);
        var from = period.Start.PlusDays(eligibleFrom % period.Length);
        if (from == period.Start)
            return true;
        var catalog = PropertyCatalog.Create(withCapAndCredit: false);
        var line = PropertyCatalog.Line(period, q, n);

        var later = TariffEngine.Price(line, catalog, [PropertyCatalog.From(from)]);
        var earlier = TariffEngine.Price(line, catalog, [PropertyCatalog.From(from.PlusDays(-1))]);

        return earlier.StandardBill - earlier.SocialBill >= later.StandardBill - later.SocialBill;
    }
}
