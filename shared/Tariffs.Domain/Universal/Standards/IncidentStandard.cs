namespace Tariffs.Domain.Universal.Standards;

/// <summary>
/// The guaranteed standard for one kind of incident: <paramref name="Amount"/> when the incident is not put
/// right by its deadline, plus <paramref name="FurtherAmount"/> for each full <paramref name="FurtherPeriodHours"/>
/// hours after the deadline (both null when the standard pays a single amount).
/// </summary>
public sealed record IncidentStandard(string Kind, decimal Amount, decimal? FurtherAmount, int? FurtherPeriodHours);
