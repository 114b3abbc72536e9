using NodaTime;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Engine;

/// <summary>
/// Turns an eligibility window into the days that count under a program's start policy: as given; from the
/// decision date (or the window's start, whichever is later); from the first day of the decision's calendar
/// quarter (Belgium: decided 20 May 2025, counts from 1 April 2025); or, for the next billing period, only
/// in lines whose period starts after the decision date. The window's end is kept.
/// </summary>
public static class EligibilityPolicy
{
    /// <summary>The days of the window that count for a line with the given period, or null when none do.</summary>
    public static DateInterval? Effective(EligibilityWindow window, EligibilityStart start, DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(period);
        LocalDate? from = start switch
        {
            EligibilityStart.DecisionDate => window.Window.Start > window.DecisionDate ? window.Window.Start : window.DecisionDate,
            EligibilityStart.QuarterOfDecision => window.DecisionDate.StartOfQuarter(),
            EligibilityStart.NextBillingPeriod when period.Start <= window.DecisionDate => null,
            _ => window.Window.Start,
        };
        return from is { } f && f <= window.Window.End ? new DateInterval(f, window.Window.End) : null;
    }
}
