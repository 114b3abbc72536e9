using NodaTime;

namespace Tariffs.Domain.Eligibility;

/// <summary>
/// A household's eligibility for a program over an inclusive window (open-ended windows end on
/// <see cref="Dates.DateIntervals.OpenEnd"/>), as decided on a date by an agency, under the flag that carried it,
/// with the household facts known with the flag (null when the flag carried none).
/// </summary>
public sealed record EligibilityWindow(string ProgramId, DateInterval Window, LocalDate DecisionDate, string FlagId, HouseholdFacts? Facts = null);
