namespace Tariffs.Domain.Social;

/// <summary>How a program turns an eligibility decision into the first eligible day.</summary>
public enum EligibilityStart
{
    /// <summary>From the window's start date as the agency gave it.</summary>
    AsGiven,

    /// <summary>From the decision date (or the window's start, whichever is later).</summary>
    DecisionDate,

    /// <summary>From the first day of the calendar quarter of the decision (Belgian social tariff).</summary>
    QuarterOfDecision,

    /// <summary>Only lines whose period starts after the decision date count (PG&amp;E CARE).</summary>
    NextBillingPeriod,
}
