using NodaTime;

namespace Tariffs.Application.Universal;

/// <summary>
/// An operator asks whether it may restrict a household's supply (POST /api/restrictions/check): the
/// jurisdiction whose rules apply, the household, the service, the action (disconnection, flowReduction,
/// powerReduction), the date and whether the dwelling is the main residence.
/// </summary>
public sealed class RestrictionCheckMessage
{
    public string? Jurisdiction { get; init; }
    public string? HouseholdId { get; init; }
    public string? Service { get; init; }
    public string? Action { get; init; }
    public LocalDate? Date { get; init; }
    public bool? MainResidence { get; init; }
}
