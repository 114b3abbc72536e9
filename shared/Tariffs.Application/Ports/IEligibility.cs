using NodaTime;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Ports;

/// <summary>
/// Stored eligibility: windows (from flags) and revocations by program and household, insert-only. Flag ids are one
/// namespace across programs and households, revocation ids another: the same content stored again under an id is
/// <see cref="IdClaim.Resent"/> (one row, its first reception time kept), other content under a stored id is
/// <see cref="IdClaim.Conflict"/> and stores nothing. A read sees everything stored before it started. Implementations
/// must pass the one contract suite (tests: <c>EligibilityContract</c>).
/// </summary>
public interface IEligibility
{
    /// <summary>Stores a window under its flag id.</summary>
    Task<IdClaim> SaveWindowAsync(string householdId, EligibilityWindow window, string sourceAgency, string evidenceReference, Instant receivedAt, CancellationToken cancellationToken);

    /// <summary>Stores a revocation under its id.</summary>
    Task<IdClaim> SaveRevocationAsync(string householdId, StoredRevocation revocation, string sourceAgency, CancellationToken cancellationToken);

    /// <summary>The eligibility of the given households for the given programs, by household (households with none are left out).</summary>
    Task<Dictionary<string, HouseholdEligibility>> ForHouseholdsAsync(IEnumerable<string> programIds, IReadOnlySet<string> householdIds, CancellationToken cancellationToken);

    /// <summary>The eligibility of one household for the given programs (<see cref="HouseholdEligibility.None"/> when none).</summary>
    Task<HouseholdEligibility> ForHouseholdAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken);

    /// <summary>The source agencies of the household's flags and revocations for the given programs.</summary>
    Task<IReadOnlySet<string>> SourceAgenciesAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken);
}
