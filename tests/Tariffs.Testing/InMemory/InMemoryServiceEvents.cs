using System.Runtime.CompilerServices;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IServiceEvents"/> in memory, with the semantics the contract suite pins on Table storage too: the first
/// event of an authority, service, kind and id is kept; read back with where (those parts) and when it was stored.
/// Thread-safe (one lock).
/// </summary>
public sealed class InMemoryServiceEvents(IClock clock) : IServiceEvents
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Authority, string Service, string Kind, string Id), StoredServiceEvent> events = [];

    public InMemoryServiceEvents() : this(SystemClock.Instance)
    {
    }

    public Task AddAsync(StoredServiceEvent serviceEvent, string id, CancellationToken cancellationToken)
    {
        var key = (serviceEvent.Authority, serviceEvent.Service, serviceEvent.Kind, id);
        lock (gate)
            events.TryAdd(key, Copy(serviceEvent, [$"{key.Authority}|{key.Service}", $"{key.Kind}|{id}"], clock.GetCurrentInstant().ToDateTimeOffset()));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredServiceEvent> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<StoredServiceEvent> all;
        lock (gate)
            all = [.. events.Values.Select(e => Copy(e, e.Address, e.StoredAt))];
        foreach (var e in all)
        {
            await Task.Yield();
            yield return e;
        }
    }

    public IAsyncEnumerable<StoredServiceEvent> UnitAsync(ReportUnit unit, CancellationToken cancellationToken) =>
        AllAsync(cancellationToken).Where(e => e.Authority == unit.Authority && e.Service == unit.Service && e.Date.StartsWith(unit.YearText + "-", StringComparison.Ordinal));

    private static StoredServiceEvent Copy(StoredServiceEvent e, IReadOnlyList<string> address, DateTimeOffset? storedAt) => new()
    {
        Kind = e.Kind, Authority = e.Authority, Service = e.Service, Area = e.Area, HouseholdId = e.HouseholdId, Date = e.Date, Currency = e.Currency,
        CompensationMinor = e.CompensationMinor, Verdict = e.Verdict, RuleId = e.RuleId, LegalReference = e.LegalReference, Address = address, StoredAt = storedAt,
    };
}
