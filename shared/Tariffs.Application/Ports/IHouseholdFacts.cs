namespace Tariffs.Application.Ports;

/// <summary>
/// Stored household facts, append-only, by household: statements from social services, each under its facts id (one
/// namespace across households). The same content stored again under an id is <see cref="IdClaim.Resent"/> (one row,
/// its first reception time kept), other content under a stored id is <see cref="IdClaim.Conflict"/> and stores
/// nothing. A read sees everything stored before it started, each household's statements in the order received.
/// Implementations must pass the one contract suite (tests: <c>HouseholdFactsContract</c>).
/// </summary>
public interface IHouseholdFacts
{
    /// <summary>Stores a statement of the household's facts under its id.</summary>
    Task<IdClaim> SaveAsync(string householdId, StoredFacts facts, CancellationToken cancellationToken);

    /// <summary>The household's statements in the order received (empty when none).</summary>
    Task<IReadOnlyList<StoredFacts>> ForHouseholdAsync(string householdId, CancellationToken cancellationToken);

    /// <summary>The statements of the given households, by household, each in the order received (households with none are left out).</summary>
    Task<Dictionary<string, IReadOnlyList<StoredFacts>>> ForHouseholdsAsync(IReadOnlySet<string> householdIds, CancellationToken cancellationToken);

    /// <summary>
    /// An opaque value that every save storing a statement replaces, after storing it and before returning. So when it
    /// is read before a read of statements starts and again later with the same value, every statement whose save
    /// returned before the later call is in that read, which need not be repeated (a pricing's second look at its
    /// households' facts); a different value says nothing about which households changed.
    /// </summary>
    Task<string> ChangeMarkerAsync(CancellationToken cancellationToken);
}
