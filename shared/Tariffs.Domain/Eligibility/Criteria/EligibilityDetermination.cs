using NodaTime;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// Determines a program's eligibility from a household's dated facts: over a range of days, each day is judged by
/// the criteria against the facts in force that day (facts hold from the day they were established until newer ones;
/// of two statements established on the same day the later in the list wins; before the first, nothing is
/// determined). The range is cut wherever the facts, a criterion's version or a benefit's dates change, and
/// consecutive days with the same facts and the same finding form one period. Pure: no clock, no I/O.
/// </summary>
public static class EligibilityDetermination
{
    /// <summary>The flag id prefix of windows determined from facts, so that they are told apart from agency flags.</summary>
    public const string FlagPrefix = "determined:";

    /// <summary>The determined periods of the range, in date order (none before the first facts).</summary>
    public static IReadOnlyList<DeterminedPeriod> Determine(string programId, Criterion criteria, IReadOnlyList<HouseholdFacts> facts, DateInterval range)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(programId);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(range);
        if (facts.Count == 0)
            return [];
        var ordered = facts.Select((f, i) => (Facts: f, Index: i)).OrderBy(x => x.Facts.AsOf).ThenBy(x => x.Index).Select(x => x.Facts).ToArray();
        var start = ordered[0].AsOf > range.Start ? ordered[0].AsOf : range.Start;
        if (start > range.End)
            return [];
        var covered = new DateInterval(start, range.End);

        List<LocalDate>? cuts = null;
        foreach (var statement in ordered)
        {
            if (statement.AsOf > start && statement.AsOf <= range.End)
                (cuts ??= []).Add(statement.AsOf);
            criteria.CollectChanges(covered, statement, ref cuts);
        }
        var starts = new List<LocalDate> { start };
        if (cuts is not null)
            starts.AddRange(cuts.Distinct().Order());

        var periods = new List<DeterminedPeriod>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var day = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1].PlusDays(-1) : range.End;
            var inForce = FactsOn(ordered, day);
            var finding = criteria.Evaluate(day, inForce);
            if (periods.Count > 0 && periods[^1] is var last && last.Eligible == finding.Met
                && ReferenceEquals(last.Facts, inForce) && last.Finding.ToString() == finding.ToString())
            {
                periods[^1] = last with { Period = new DateInterval(last.Period.Start, end) };
                continue;
            }
            periods.Add(new DeterminedPeriod(programId, new DateInterval(day, end), finding.Met, inForce, finding));
        }
        return periods;
    }

    /// <summary>
    /// The eligibility windows of the eligible periods, as the engine prices them: each with the facts used and a flag
    /// id <c>determined:{program}:{first day}</c>; decided on <paramref name="decisionDate"/>, or on the window's first
    /// day when none is given (a determination is not a late agency decision).
    /// </summary>
    public static IReadOnlyList<EligibilityWindow> Windows(IReadOnlyList<DeterminedPeriod> periods, LocalDate? decisionDate = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var windows = new List<EligibilityWindow>();
        foreach (var period in periods)
            if (period.Eligible == true)
                windows.Add(new EligibilityWindow(period.ProgramId, period.Period, decisionDate ?? period.Period.Start,
                    $"{FlagPrefix}{period.ProgramId}:{period.Period.Start:yyyy-MM-dd}", period.Facts));
        return windows;
    }

    /// <summary>
    /// The windows the engine prices for a household: the agency's windows, and the determined windows of every
    /// program for which the agency has decided nothing. An agency's flag or revocation for a program is an explicit
    /// decision and wins over a determination for that program: once the household has an agency window for it
    /// (<paramref name="agencyPrograms"/> also names programs whose only flags were revoked), its determined windows
    /// are left out.
    /// </summary>
    public static IReadOnlyList<EligibilityWindow> Merge(IReadOnlyList<EligibilityWindow> agency, IReadOnlyCollection<string> agencyPrograms, IReadOnlyList<EligibilityWindow> determined)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(agencyPrograms);
        ArgumentNullException.ThrowIfNull(determined);
        var decided = new HashSet<string>(agencyPrograms, StringComparer.Ordinal);
        foreach (var window in agency)
            decided.Add(window.ProgramId);
        var merged = new List<EligibilityWindow>(agency.Count + determined.Count);
        merged.AddRange(agency);
        foreach (var window in determined)
            if (!decided.Contains(window.ProgramId))
                merged.Add(window);
        return merged;
    }

    private static HouseholdFacts FactsOn(HouseholdFacts[] ordered, LocalDate day)
    {
        var found = ordered[0];
        foreach (var statement in ordered)
        {
            if (statement.AsOf > day)
                break;
            found = statement;
        }
        return found;
    }
}
