using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IServiceEvents"/>, run against the in-memory and the Table adapter: the first event of
/// an authority, service, kind and id is kept, read back as stored with where and when it was stored.
/// </summary>
public abstract class ServiceEventsContract
{
    /// <summary>A store, maybe shared with other tests (each test uses authorities of its own).</summary>
    protected abstract Task<IServiceEvents> NewEventsAsync();

    private static StoredServiceEvent Compensation(string authority, long minor) => new()
    {
        Kind = StoredServiceEvent.CompensationKind, Authority = authority, Service = "water", Area = "59183", HouseholdId = "h-1",
        Date = "2022-03-04", Currency = "GBP", CompensationMinor = minor, RuleId = "gss-2022", LegalReference = "SI 2008/594 reg. 7",
    };

    [Fact]
    public async Task The_first_event_of_a_key_is_kept_and_read_back_as_stored()
    {
        var events = await NewEventsAsync();
        var authority = $"auth|{Guid.NewGuid():N}";
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);

        await events.AddAsync(Compensation(authority, 5_000), "incident-1", CancellationToken.None);
        await events.AddAsync(Compensation(authority, 9_999), "incident-1", CancellationToken.None);
        await events.AddAsync(Compensation(authority, 2_000), "incident-2", CancellationToken.None);
        await events.AddAsync(new StoredServiceEvent
        {
            Kind = StoredServiceEvent.RestrictionKind, Authority = authority, Service = "water", Area = "59183", HouseholdId = "h-1",
            Date = "2022-03-05", Verdict = "Blocked", RuleId = "fr-treve", LegalReference = "L115-3",
        }, "incident-1", CancellationToken.None);

        var mine = new List<StoredServiceEvent>();
        await foreach (var e in events.AllAsync(CancellationToken.None))
            if (e.Authority == authority)
                mine.Add(e);

        Assert.Equal([(StoredServiceEvent.CompensationKind, 5_000L), (StoredServiceEvent.CompensationKind, 2_000L), (StoredServiceEvent.RestrictionKind, 0L)],
            mine.Select(e => (e.Kind, e.CompensationMinor)).OrderBy(e => e.Kind, StringComparer.Ordinal).ThenByDescending(e => e.CompensationMinor));
        var restriction = Assert.Single(mine, e => e.Kind == StoredServiceEvent.RestrictionKind);
        Assert.Equal(("59183", "h-1", "2022-03-05", "Blocked", "fr-treve", "L115-3", ""),
            (restriction.Area, restriction.HouseholdId, restriction.Date, restriction.Verdict, restriction.RuleId, restriction.LegalReference, restriction.Currency));
        Assert.Equal(3, mine.Select(e => string.Join("/", e.Address)).Distinct().Count());
        Assert.All(mine, e => Assert.True(e.StoredAt > before, $"stored at {e.StoredAt}"));
    }
}
