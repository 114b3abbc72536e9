using NodaTime;

namespace Tariffs.Domain.Universal.Standards;

/// <summary>
/// A service incident reported by the operator: for a household (or a whole area), the kind of failure
/// (supplyInterruption, missedAppointment, lowPressure …), the deadline by which the standard required it
/// to be put right, when it was (null while still open), and whether the compensation was paid after the
/// scheme's payment deadline (the operator reports it; the scheme then adds its late-payment amount).
/// </summary>
public sealed record ServiceIncident(
    string IncidentId,
    string? HouseholdId,
    string? Area,
    string Service,
    string Kind,
    LocalDateTime Deadline,
    LocalDateTime? Restored,
    bool CompensationPaidLate = false);
