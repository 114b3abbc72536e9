using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IEligibility"/>, run against the in-memory and the Table adapter: what an id holds
/// (new, resent, conflict), the namespaces of flag and revocation ids, reads by household across programs that see what
/// was stored since the previous read (the Table adapter caches partitions), no household's rows mixed into another's.
/// </summary>
public abstract class EligibilityContract
{
    private static readonly Instant Received = Instant.FromUtc(2022, 5, 1, 8, 0);

    /// <summary>A new, empty store, or one shared with other tests (each test uses ids of its own).</summary>
    protected abstract Task<IEligibility> NewEligibilityAsync();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static EligibilityWindow Window(string program, string flag, int fromMonth = 1, decimal? income = null) =>
        new(program, new DateInterval(new LocalDate(2022, fromMonth, 1), new LocalDate(2022, 12, 31)), new LocalDate(2022, 4, 20), flag,
            income is null ? null : new HouseholdFacts(new LocalDate(2022, 4, 1), income, 2021, 3, null, null, null));

    [Fact]
    public async Task An_id_holds_its_first_content_resent_keeps_one_row_and_other_content_is_a_conflict()
    {
        var store = await NewEligibilityAsync();
        var (program, other, household, flag) = (Unique("css"), Unique("fsl"), Unique("hh"), Unique("f"));

        Assert.Equal(IdClaim.New, await store.SaveWindowAsync(household, Window(program, flag, income: 18000.50m), "caf", "ev-1", Received, CancellationToken.None));
        Assert.Equal(IdClaim.Resent, await store.SaveWindowAsync(household, Window(program, flag, income: 18000.5m), "caf", "ev-1", Received + Duration.FromHours(1), CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveWindowAsync(household, Window(program, flag, fromMonth: 3), "caf", "ev-1", Received, CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveWindowAsync(household + "-2", Window(program, flag), "caf", "ev-1", Received, CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveWindowAsync(household, Window(other, flag), "caf", "ev-1", Received, CancellationToken.None)); // one namespace across programs

        var found = await store.ForHouseholdAsync([program, other], household, CancellationToken.None);
        var window = Assert.Single(found.Windows);
        Assert.Equal((new LocalDate(2022, 1, 1), 18000.50m), (window.Window.Start, window.Facts!.AnnualIncome!.Value));
        Assert.Equal(HouseholdEligibility.None, await store.ForHouseholdAsync([program], household + "-2", CancellationToken.None));
    }

    [Fact]
    public async Task Revocation_ids_are_a_namespace_of_their_own()
    {
        var store = await NewEligibilityAsync();
        var (program, household, id) = (Unique("css"), Unique("hh"), Unique("id"));
        var revocation = new StoredRevocation(program, id, new LocalDate(2022, 7, 1), new LocalDate(2022, 6, 20), Received);

        Assert.Equal(IdClaim.New, await store.SaveWindowAsync(household, Window(program, id), "caf", "ev", Received, CancellationToken.None));
        Assert.Equal(IdClaim.New, await store.SaveRevocationAsync(household, revocation, "caf", CancellationToken.None));
        Assert.Equal(IdClaim.Resent, await store.SaveRevocationAsync(household, revocation with { ReceivedAt = Received + Duration.FromDays(1) }, "caf", CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveRevocationAsync(household, revocation with { EffectiveDate = new LocalDate(2022, 8, 1) }, "caf", CancellationToken.None));

        var found = await store.ForHouseholdAsync([program], household, CancellationToken.None);
        Assert.Equal(2, found.Count);
        Assert.Equal(revocation, Assert.Single(found.Revocations)); // the first reception time kept
    }

    [Fact]
    public async Task Households_read_together_see_what_was_stored_since_the_previous_read_and_nothing_of_others()
    {
        var store = await NewEligibilityAsync();
        var (css, fsl, household) = (Unique("css"), Unique("fsl"), Unique("hh"));
        string[] others = [household + "0", household[..^1]];
        await store.SaveWindowAsync(household, Window(css, Unique("f")), "caf", "ev", Received, CancellationToken.None);
        foreach (var other in others)
            await store.SaveWindowAsync(other, Window(css, Unique("f")), "caf", "ev", Received, CancellationToken.None);

        var before = await store.ForHouseholdsAsync([css, fsl], new HashSet<string> { household, "nobody" }, CancellationToken.None);
        await store.SaveWindowAsync(household, Window(fsl, Unique("f")), "ccas", "ev", Received, CancellationToken.None);
        await store.SaveRevocationAsync(household, new StoredRevocation(css, Unique("r"), new LocalDate(2022, 9, 1), new LocalDate(2022, 8, 1), Received), "caf", CancellationToken.None);
        var after = await store.ForHouseholdsAsync([css, fsl], new HashSet<string> { household, "nobody" }, CancellationToken.None);

        Assert.Equal([household], before.Keys);
        Assert.Equal(1, before[household].Count);
        Assert.Equal([household], after.Keys);
        Assert.Equal([css, fsl], after[household].Windows.Select(w => w.ProgramId));
        Assert.Single(after[household].Revocations);
        Assert.Equal(new HashSet<string> { "caf", "ccas" }, await store.SourceAgenciesAsync([css, fsl], household, CancellationToken.None));
        Assert.Equal(new HashSet<string> { "caf" }, await store.SourceAgenciesAsync([css], household, CancellationToken.None));
    }
}
