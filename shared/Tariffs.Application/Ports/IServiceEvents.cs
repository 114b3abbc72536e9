using Tariffs.Domain.Reports;

namespace Tariffs.Application.Ports;

/// <summary>
/// Universal-service decisions kept for audit and reports, keyed by authority, service, kind and a deterministic id
/// (the incident id; the household, action and date of a restriction request): the first record of a key is kept.
/// Implementations must pass the one contract suite (tests: <c>ServiceEventsContract</c>).
/// </summary>
public interface IServiceEvents
{
    /// <summary>Keeps a decision under its authority, service, kind and <paramref name="id"/>, unless one is kept there.</summary>
    Task AddAsync(StoredServiceEvent serviceEvent, string id, CancellationToken cancellationToken);

    /// <summary>Every kept decision, with where and when it was stored.</summary>
    IAsyncEnumerable<StoredServiceEvent> AllAsync(CancellationToken cancellationToken);

    /// <summary>The decisions of <paramref name="unit"/>: its authority and service's, dated in its year.</summary>
    IAsyncEnumerable<StoredServiceEvent> UnitAsync(ReportUnit unit, CancellationToken cancellationToken);
}
