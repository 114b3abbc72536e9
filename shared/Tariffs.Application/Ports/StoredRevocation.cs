using NodaTime;

namespace Tariffs.Application.Ports;

/// <summary>
/// A revocation of a household's eligibility for a program: windows that started before
/// <see cref="EffectiveDate"/> end the day before it. <see cref="ReceivedAt"/> is when Tariffs received it.
/// </summary>
public sealed record StoredRevocation(string ProgramId, string RevocationId, LocalDate EffectiveDate, LocalDate DecisionDate, Instant ReceivedAt);
