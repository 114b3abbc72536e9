using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Ports;
using TestMessages = Tariffs.Application.Tests.InMemory.Messages;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Eligibility;

/// <summary>
/// A pricing's second look at its households (<see cref="EffectiveEligibility.RereadAsync"/>), for the chèque énergie
/// catalog with criteria (samples/catalogs/cheque-energie-criteria.json): it reads the flags again always, the facts
/// only when a statement was stored since the first look, and finds then what a fresh read finds.
/// </summary>
public sealed class EligibilityRereadTests : IDisposable
{
    private const string Program = "cheque-energie-auto";
    private static readonly HashSet<string> Households = ["h-1", "h-2"];
    private readonly InMemoryTariffs app = new(new FakeClock(Instant.FromUtc(2025, 1, 10, 8, 0)));
    private readonly CountingFacts facts;
    private readonly EffectiveEligibility eligibility;

    public EligibilityRereadTests()
    {
        facts = new CountingFacts(app.HouseholdFacts);
        eligibility = new EffectiveEligibility(app.Eligibility, facts);
    }

    public void Dispose() => app.Dispose();

    /// <summary><see cref="IHouseholdFacts"/> that counts the reads of many households' statements.</summary>
    private sealed class CountingFacts(IHouseholdFacts inner) : IHouseholdFacts
    {
        public int Reads;

        public Task<IdClaim> SaveAsync(string householdId, StoredFacts facts, CancellationToken cancellationToken) => inner.SaveAsync(householdId, facts, cancellationToken);

        public Task<IReadOnlyList<StoredFacts>> ForHouseholdAsync(string householdId, CancellationToken cancellationToken) => inner.ForHouseholdAsync(householdId, cancellationToken);

        public Task<Dictionary<string, IReadOnlyList<StoredFacts>>> ForHouseholdsAsync(IReadOnlySet<string> householdIds, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            return inner.ForHouseholdsAsync(householdIds, cancellationToken);
        }

        public Task<string> ChangeMarkerAsync(CancellationToken cancellationToken) => inner.ChangeMarkerAsync(cancellationToken);
    }

    private async Task<ServiceCatalog> CatalogAsync()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "cheque-energie-criteria.json")))!;
        var repository = app.Get<CatalogRepository>();
        Assert.Empty((await repository.PublishAsync(json.ToJsonString(), CancellationToken.None)).Errors);
        return (await repository.FindAsync("france-etat-auto", "electricity", CancellationToken.None))!;
    }

    private Task StatementAsync(string factsId, string household, decimal income) =>
        facts.SaveAsync(household, new StoredFacts(factsId, new HouseholdFacts(new LocalDate(2024, 1, 1), income, 2022, 1, MainResidence: true), "caf", "ref-" + factsId,
            Instant.FromUtc(2025, 1, 10, 8, 0)), CancellationToken.None);

    private async Task FlagAsync(string household) =>
        Assert.Null(await app.Get<EligibilityFlagHandler>().HandleAsync(
            TestMessages.Flag("flag-" + household, household, Program, new LocalDate(2024, 1, 1), null, new LocalDate(2023, 12, 15)), "m-" + household, CancellationToken.None));

    /// <summary>Households, programs and facts ids of a read, to compare two reads.</summary>
    private static string[] Shape(Dictionary<string, HouseholdEligibility> read) =>
        [.. read.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h =>
            $"{h.Key}: {string.Join(",", h.Value.Windows.Select(w => w.FlagId))} / {string.Join(",", h.Value.Facts.Select(f => f.FactsId + "=" + f.Facts.AnnualIncome))}")];

    [Fact]
    public async Task With_no_statement_stored_since_the_first_look_the_second_reads_no_facts_yet_sees_new_flags()
    {
        var catalog = await CatalogAsync();
        await StatementAsync("facts-1", "h-1", 7000m);

        var first = await eligibility.ReadAsync(catalog, Households, CancellationToken.None);
        await FlagAsync("h-2");
        var second = await eligibility.RereadAsync(catalog, Households, first, CancellationToken.None);

        Assert.Equal(1, facts.Reads);
        Assert.Equal(["h-1:  / facts-1=7000"], Shape(first.Households));
        Assert.Equal(["h-1:  / facts-1=7000", "h-2: flag-h-2 / "], Shape(second));
        Assert.Equal(Shape(await eligibility.ForHouseholdsAsync(catalog, Households, CancellationToken.None)), Shape(second));
    }

    [Fact]
    public async Task A_statement_stored_between_the_looks_is_in_the_second()
    {
        var catalog = await CatalogAsync();
        await StatementAsync("facts-1", "h-1", 7000m);

        var first = await eligibility.ReadAsync(catalog, Households, CancellationToken.None);
        await StatementAsync("facts-2", "h-2", 9000m);
        var second = await eligibility.RereadAsync(catalog, Households, first, CancellationToken.None);

        Assert.Equal(2, facts.Reads);
        Assert.Equal(["h-1:  / facts-1=7000", "h-2:  / facts-2=9000"], Shape(second));
    }
}
