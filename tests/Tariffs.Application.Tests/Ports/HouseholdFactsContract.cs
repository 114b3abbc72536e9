using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IHouseholdFacts"/>, run against the in-memory and the Table adapter: what an id holds
/// (new, resent, conflict — one namespace across households), every fact read back as stored with its agency, evidence
/// and first reception time, statements in the order received, reads of many households that mix nobody's rows, and
/// the change marker that a statement stored replaces and nothing else does.
/// </summary>
public abstract class HouseholdFactsContract
{
    private static readonly Instant Received = Instant.FromUtc(2024, 3, 1, 8, 0);

    /// <summary>A new, empty store, or one shared with other tests (each test uses ids of its own).</summary>
    protected abstract Task<IHouseholdFacts> NewFactsAsync();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static HouseholdFacts Full(decimal income) => new(new LocalDate(2024, 1, 1), income, 2022, 4, false, true, false, 1,
        [new BenefitReceipt("ris", new DateInterval(new LocalDate(2023, 7, 1), DateIntervals.OpenEnd)), new BenefitReceipt("bim", new DateInterval(new LocalDate(2021, 2, 1), new LocalDate(2023, 6, 30)))],
        true, "social-tenant");

    [Fact]
    public async Task An_id_holds_its_first_content_resent_keeps_one_row_and_its_first_reception_and_other_content_is_a_conflict()
    {
        var store = await NewFactsAsync();
        var (household, id) = (Unique("hh"), Unique("facts"));
        var first = new StoredFacts(id, Full(18000.50m), "caf", "ev-1", Received);

        Assert.Equal(IdClaim.New, await store.SaveAsync(household, first, CancellationToken.None));
        Assert.Equal(IdClaim.Resent, await store.SaveAsync(household, first with { Facts = Full(18000.5m), ReceivedAt = Received + Duration.FromHours(1) }, CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveAsync(household, first with { Facts = Full(18001m) }, CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveAsync(household, first with { EvidenceReference = "ev-2" }, CancellationToken.None));
        Assert.Equal(IdClaim.Conflict, await store.SaveAsync(household + "-2", first, CancellationToken.None)); // one namespace across households

        var stored = Assert.Single(await store.ForHouseholdAsync(household, CancellationToken.None));
        Assert.Equal((id, "caf", "ev-1", Received), (stored.FactsId, stored.SourceAgency, stored.EvidenceReference, stored.ReceivedAt));
        var f = stored.Facts;
        Assert.Equal((new LocalDate(2024, 1, 1), 18000.50m, 2022, 4, false, true, false, 1, true, "social-tenant"),
            (f.AsOf, f.AnnualIncome!.Value, f.IncomeReferenceYear!.Value, f.Persons!.Value, f.PensionersOnly!.Value, f.MedicalNeed!.Value, f.ChequeEnergieAttestation!.Value, f.SharedCustodyChildren!.Value, f.MainResidence!.Value, f.Tenure));
        Assert.Equal(Full(0).Benefits, f.Benefits);
        Assert.Empty(await store.ForHouseholdAsync(household + "-2", CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_facts_stay_unknown_and_an_empty_benefit_list_stays_empty()
    {
        var store = await NewFactsAsync();
        var household = Unique("hh");
        await store.SaveAsync(household, new StoredFacts(Unique("a"), new HouseholdFacts(new LocalDate(2024, 1, 1)), "caf", "", Received), CancellationToken.None);
        await store.SaveAsync(household, new StoredFacts(Unique("b"), new HouseholdFacts(new LocalDate(2024, 2, 1), Benefits: []), "caf", "", Received + Duration.FromMinutes(1)), CancellationToken.None);

        var read = await store.ForHouseholdAsync(household, CancellationToken.None);

        Assert.Equal(new HouseholdFacts(new LocalDate(2024, 1, 1)), read[0].Facts);
        Assert.NotNull(read[1].Facts.Benefits);
        Assert.Empty(read[1].Facts.Benefits!);
    }

    [Fact]
    public async Task Households_read_together_get_their_own_statements_in_the_order_received()
    {
        var store = await NewFactsAsync();
        var household = Unique("hh");
        string[] others = [household + "0", household[..^1]];
        // Ids in the reverse of the reception order: the order read is the reception's.
        await store.SaveAsync(household, new StoredFacts("z-" + household, new HouseholdFacts(new LocalDate(2024, 1, 1), 1000m), "caf", "", Received), CancellationToken.None);
        await store.SaveAsync(household, new StoredFacts("a-" + household, new HouseholdFacts(new LocalDate(2024, 1, 1), 2000m), "ccas", "", Received + Duration.FromSeconds(1)), CancellationToken.None);
        foreach (var other in others)
            await store.SaveAsync(other, new StoredFacts(Unique("o"), new HouseholdFacts(new LocalDate(2024, 1, 1), 9m), "caf", "", Received), CancellationToken.None);

        var found = await store.ForHouseholdsAsync(new HashSet<string> { household, others[0], "nobody-" + household }, CancellationToken.None);

        Assert.Equal(new HashSet<string> { household, others[0] }, found.Keys.ToHashSet());
        Assert.Equal([1000m, 2000m], found[household].Select(s => s.Facts.AnnualIncome!.Value));
        Assert.Equal([9m], found[others[0]].Select(s => s.Facts.AnnualIncome!.Value));
        Assert.Equal([1000m, 2000m], (await store.ForHouseholdAsync(household, CancellationToken.None)).Select(s => s.Facts.AnnualIncome!.Value));
    }

    [Fact]
    public async Task The_change_marker_is_replaced_by_each_statement_stored_and_by_nothing_else()
    {
        var store = await NewFactsAsync();
        var household = Unique("hh");
        var statement = new StoredFacts(Unique("facts"), new HouseholdFacts(new LocalDate(2024, 1, 1), 7000m), "caf", "ev-1", Received);
        var before = await store.ChangeMarkerAsync(CancellationToken.None);
        Assert.Equal(before, await store.ChangeMarkerAsync(CancellationToken.None));

        Assert.Equal(IdClaim.New, await store.SaveAsync(household, statement, CancellationToken.None));
        var afterFirst = await store.ChangeMarkerAsync(CancellationToken.None);
        Assert.NotEqual(before, afterFirst);

        // Reads and a refused statement (its id holds other content) store nothing: the marker stays.
        await store.ForHouseholdsAsync(new HashSet<string> { household }, CancellationToken.None);
        await store.ForHouseholdAsync(household, CancellationToken.None);
        Assert.Equal(IdClaim.Conflict, await store.SaveAsync(household, statement with { EvidenceReference = "ev-2" }, CancellationToken.None));
        Assert.Equal(afterFirst, await store.ChangeMarkerAsync(CancellationToken.None));

        Assert.Equal(IdClaim.New, await store.SaveAsync(household, statement with { FactsId = Unique("facts") }, CancellationToken.None));
        var afterSecond = await store.ChangeMarkerAsync(CancellationToken.None);
        Assert.NotEqual(afterFirst, afterSecond);
        Assert.NotEqual(before, afterSecond);
    }
}
