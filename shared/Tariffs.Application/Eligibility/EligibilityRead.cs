using Tariffs.Application.Ports;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// What <see cref="EffectiveEligibility.ReadAsync"/> read for a set of households — their eligibility, with facts when
/// the catalog has criteria — and the facts change marker read before it (null when no facts were read), which
/// <see cref="EffectiveEligibility.RereadAsync"/> compares to skip reading the facts again.
/// </summary>
public sealed record EligibilityRead(Dictionary<string, HouseholdEligibility> Households, string? FactsMarker);
