using NodaTime;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Ports;

/// <summary>
/// One statement of a household's facts as stored, append-only: the facts (established on their <c>asOf</c>), under
/// their id, with the agency that sent them, its evidence reference and when Tariffs first received them.
/// </summary>
public sealed record StoredFacts(string FactsId, HouseholdFacts Facts, string SourceAgency, string EvidenceReference, Instant ReceivedAt);
