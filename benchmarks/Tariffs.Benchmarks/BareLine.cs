using Tariffs.Domain.Billing;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Benchmarks;

/// <summary>
/// One synthetic line as plain values for <see cref="BareKernel"/>: its inclusive period, quantity and persons, and
/// the household's eligibility — from <see cref="EligibleFrom"/> on (windows are open-ended and every program of
/// the household starts on the same day), for CSS, the discount and the payment — with the annual income.
/// </summary>
public readonly record struct BareLine(
    DateOnly Start,
    DateOnly End,
    decimal Quantity,
    int Persons,
    DateOnly EligibleFrom,
    bool Css,
    bool Discount,
    bool Payment,
    decimal Income)
{
    /// <summary>The plain values of a synthetic line; throws when its windows are not of the synthetic shape.</summary>
    public static BareLine From(BillingLine line, IReadOnlyList<EligibilityWindow> windows)
    {
        var eligibleFrom = DateOnly.MaxValue;
        var income = 0m;
        var persons = line.Persons;
        foreach (var window in windows)
        {
            if (window.Window.End != Tariffs.Domain.Dates.DateIntervals.OpenEnd || window.DecisionDate != window.Window.Start
                || window.Facts is not { AnnualIncome: { } annual, SharedCustodyChildren: null or 0 } facts
                || (eligibleFrom != DateOnly.MaxValue && eligibleFrom != Day(window.Window.Start)))
                throw new InvalidOperationException($"Line {line.LineNumber}: the bare kernel prices open windows from their decision date, one start day per household.");
            eligibleFrom = Day(window.Window.Start);
            income = annual;
            persons = facts.Persons ?? persons;
        }
        return new BareLine(Day(line.Period.Start), Day(line.Period.End), line.Quantity, persons, eligibleFrom,
            windows.Any(w => w.ProgramId == "css"), windows.Any(w => w.ProgramId == "discount"), windows.Any(w => w.ProgramId == "payment"), income);
    }

    private static DateOnly Day(NodaTime.LocalDate date) => new(date.Year, date.Month, date.Day);
}
