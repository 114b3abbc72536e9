using NodaTime;

namespace Tariffs.Domain.Eligibility;

/// <summary>
/// A household's eligibility for a program over an inclusive window (open-ended windows end on
/// <see cref="Dates.DateIntervals.OpenEnd"/>), as decided on a date by an agency, under the flag that carried it,
/// with the household facts known with the flag (null when the flag carried none). A revocation effective on
/// day D ends the window on D − 1 (<see cref="Revoked"/>).
/// </summary>
public sealed record EligibilityWindow(string ProgramId, DateInterval Window, LocalDate DecisionDate, string FlagId, HouseholdFacts? Facts = null)
{
    /// <summary>
    /// The window after a revocation effective on <paramref name="effective"/>: it ends the day before. Null when
    /// the revocation takes effect on or before the window's first day (nothing of it remains).
    /// </summary>
    public EligibilityWindow? Revoked(LocalDate effective)
    {
        if (effective <= Window.Start)
            return null;
        var end = effective.PlusDays(-1);
        return end >= Window.End ? this : this with { Window = new DateInterval(Window.Start, end) };
    }
}
