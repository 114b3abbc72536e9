using NodaTime;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Eligibility;

namespace Tariffs.Application.Ports;

/// <summary>
/// <see cref="IEligibility"/> on Azure Table storage: forwards to <see cref="EligibilityStore"/>. Interim: once
/// Tariffs.Storage references the Application (issue 12, item 2), the store implements the port itself and this goes.
/// </summary>
public sealed class StoredEligibility(EligibilityStore store) : IEligibility
{
    public Task<IdClaim> SaveWindowAsync(string householdId, EligibilityWindow window, string sourceAgency, string evidenceReference, Instant receivedAt, CancellationToken cancellationToken) =>
        store.SaveWindowAsync(householdId, window, sourceAgency, evidenceReference, receivedAt, cancellationToken);

    public Task<IdClaim> SaveRevocationAsync(string householdId, StoredRevocation revocation, string sourceAgency, CancellationToken cancellationToken) =>
        store.SaveRevocationAsync(householdId, revocation, sourceAgency, cancellationToken);

    public Task<Dictionary<string, HouseholdEligibility>> ForHouseholdsAsync(IEnumerable<string> programIds, IReadOnlySet<string> householdIds, CancellationToken cancellationToken) =>
        store.ForHouseholdsAsync(programIds, householdIds, cancellationToken);

    public Task<HouseholdEligibility> ForHouseholdAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken) =>
        store.ForHouseholdAsync(programIds, householdId, cancellationToken);

    public Task<IReadOnlySet<string>> SourceAgenciesAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken) =>
        store.SourceAgenciesAsync(programIds, householdId, cancellationToken);
}
