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
        return TryFirstDay(window, start, period, out var from) ? new DateInterval(from, window.Window.End) : null;
    }

    /// <summary>
    /// The first day of the window that counts for a line with the given period (the window's end is kept); false when
    /// no day does. <see cref="Effective"/> without allocating the interval.
    /// </summary>
    internal static bool TryFirstDay(EligibilityWindow window, EligibilityStart start, DateInterval period, out LocalDate from)
    {
        var windowStart = window.Window.Start;
        switch (start)
        {
            case EligibilityStart.DecisionDate:
                from = window.DecisionDate;
                break;
            case EligibilityStart.QuarterOfDecision:
                from = window.DecisionDate.StartOfQuarter();
                break;
            case EligibilityStart.NextBillingPeriod when period.Start <= window.DecisionDate:
                from = default;
                return false;
            default:
                from = windowStart;
                break;
        }
        if (from < windowStart)
            from = windowStart;
        return from <= window.Window.End;
    }
}
