using NodaTime;

namespace Tariffs.Application.Universal;

/// <summary>
/// A service incident reported by an operator (POST /api/incidents/compensation): the guaranteed-standards
/// scheme that applies, the incident, the household (or area), the service, the kind of failure, the
/// deadline, when the service was restored (absent while still open) and whether compensation was paid late.
/// Times are local times of the scheme's jurisdiction.
/// </summary>
public sealed class IncidentMessage
{
    public string? Scheme { get; init; }
    /// <summary>The authority the incident is reported to; found from the household's billed lines when absent.</summary>
    public string? Authority { get; init; }
    public string? IncidentId { get; init; }
    public string? HouseholdId { get; init; }
    public string? Area { get; init; }
    public string? Service { get; init; }
    public string? Kind { get; init; }
    public LocalDateTime? Deadline { get; init; }
    public LocalDateTime? Restored { get; init; }
    public bool? CompensationPaidLate { get; init; }
    /// <summary>When an open incident is assessed; the deadline's day end when absent and the incident is open.</summary>
    public LocalDateTime? AsOf { get; init; }
}
