using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>
/// Social services revoke a household's eligibility for a program from <see cref="EffectiveDate"/> (schema:
/// shared/contracts/eligibility-revocation.schema.json): windows that started before it end the day before.
/// The revocation id is the idempotency key. Sent on <c>eligibility-flags</c> or to POST /api/eligibility.
/// </summary>
public sealed class EligibilityRevocationMessage
{
    public string? RevocationId { get; init; }
    public string? HouseholdId { get; init; }
    public string? Program { get; init; }
    public LocalDate? EffectiveDate { get; init; }
    public LocalDate? DecisionDate { get; init; }
    public string? SourceAgency { get; init; }
}
