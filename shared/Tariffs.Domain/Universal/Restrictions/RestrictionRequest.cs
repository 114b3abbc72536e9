using NodaTime;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>
/// An operator asks whether it may restrict a household's supply of a service on a date; the facts are the
/// household's latest known facts (null when social services sent none).
/// </summary>
public sealed record RestrictionRequest(string HouseholdId, string Service, RestrictionAction Action, LocalDate Date, bool MainResidence, HouseholdFacts? Facts = null);
