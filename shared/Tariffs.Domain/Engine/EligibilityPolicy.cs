using NodaTime;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Engine;

/// <summary>
/// Turns an eligibility window into the days that count under a program's start policy: as given; from the
/// decision date; from the first day of the decision's calendar quarter (Belgium: decided 20 May 2025, counts from
/// 1 April 2025); or, for the next billing period, only in lines whose period starts after the decision date. The
/// window is the agency's statement of when the household is eligible: a policy may move the first eligible day
/// later than the window's start, never earlier (decided 15 February, window from 1 May: from 1 May under every
/// policy). The window's end is kept.
/// </summary>
public static class EligibilityPolicy
{
    /// <summary>The days of the window that count for a line with the given period, or null when none do.</summary>
    public static DateInterval? Effective(EligibilityWindow window, EligibilityStart start, DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(period);
        LocalDate? policyStart = start switch
        {
            EligibilityStart.DecisionDate => window.DecisionDate,
            EligibilityStart.QuarterOfDecision => window.DecisionDate.StartOfQuarter(),
            EligibilityStart.NextBillingPeriod when period.Start <= window.DecisionDate => null,
            _ => window.Window.Start,
        };
        if (policyStart is not { } from)
            return null;
        if (from < window.Window.Start)
            from = window.Window.Start;
        return from <= window.Window.End ? new DateInterval(from, window.Window.End) : null;
    }
}
