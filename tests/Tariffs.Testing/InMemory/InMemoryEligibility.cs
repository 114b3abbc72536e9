using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IEligibility"/> in memory, with the semantics the contract suite pins on Table storage too: an id holds
/// the content first stored under it (the same content again is resent, other content a conflict, nothing stored),
/// flag ids one namespace, revocation ids another; reads see everything stored before them. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryEligibility : IEligibility
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, object> claims = new(StringComparer.Ordinal);
    private readonly List<Row> rows = [];

    /// <summary>One stored window or revocation, with who decided and the id it is stored under.</summary>
    private sealed record Row(string HouseholdId, string ProgramId, string Id, string SourceAgency, EligibilityWindow? Window, StoredRevocation? Revocation);

    public Task<IdClaim> SaveWindowAsync(string householdId, EligibilityWindow window, string sourceAgency, string evidenceReference, Instant receivedAt, CancellationToken cancellationToken) =>
        Task.FromResult(Claim("f|" + window.FlagId, (householdId, window, sourceAgency, evidenceReference),
            new Row(householdId, window.ProgramId, window.FlagId, sourceAgency, window, null)));

    public Task<IdClaim> SaveRevocationAsync(string householdId, StoredRevocation revocation, string sourceAgency, CancellationToken cancellationToken) =>
        Task.FromResult(Claim("r|" + revocation.RevocationId, (householdId, revocation with { ReceivedAt = default }, sourceAgency),
            new Row(householdId, revocation.ProgramId, revocation.RevocationId, sourceAgency, null, revocation)));

    /// <summary>Claims the id with the content (reception time left out), storing the row when the id was free.</summary>
    private IdClaim Claim(string id, object content, Row row)
    {
        lock (gate)
        {
            if (claims.TryGetValue(id, out var stored))
                return stored.Equals(content) ? IdClaim.Resent : IdClaim.Conflict;
            claims[id] = content;
            rows.Add(row);
            return IdClaim.New;
        }
    }

    public Task<Dictionary<string, HouseholdEligibility>> ForHouseholdsAsync(IEnumerable<string> programIds, IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
    {
        var programs = programIds.Distinct().ToList();
        lock (gate)
            return Task.FromResult(householdIds
                .Select(h => (Household: h, Eligibility: Of(programs, h)))
                .Where(h => h.Eligibility.Count > 0)
                .ToDictionary(h => h.Household, h => h.Eligibility, StringComparer.Ordinal));
    }

    public Task<HouseholdEligibility> ForHouseholdAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken)
    {
        var programs = programIds.Distinct().ToList();
        lock (gate)
            return Task.FromResult(Of(programs, householdId) is { Count: > 0 } found ? found : HouseholdEligibility.None);
    }

    public Task<IReadOnlySet<string>> SourceAgenciesAsync(IEnumerable<string> programIds, string householdId, CancellationToken cancellationToken)
    {
        var programs = programIds.ToHashSet(StringComparer.Ordinal);
        lock (gate)
            return Task.FromResult<IReadOnlySet<string>>(rows.Where(r => r.HouseholdId == householdId && programs.Contains(r.ProgramId))
                .Select(r => r.SourceAgency).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The household's rows of the programs, program by program, each in id order (the Table adapter's key order).</summary>
    private HouseholdEligibility Of(IReadOnlyList<string> programs, string householdId)
    {
        var mine = programs.SelectMany(p => rows.Where(r => r.ProgramId == p && r.HouseholdId == householdId).OrderBy(r => r.Id, StringComparer.Ordinal)).ToList();
        return new HouseholdEligibility([.. mine.Select(r => r.Window).OfType<EligibilityWindow>()], [.. mine.Select(r => r.Revocation).OfType<StoredRevocation>()]);
    }
}
