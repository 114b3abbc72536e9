using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Households;
using Tariffs.Application.Intake;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Domain.Ledger;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.InMemory;

/// <summary>
/// Eligibility determined from household facts, wired on the in-memory adapters: the chèque énergie catalog with
/// criteria (samples/catalogs/cheque-energie-criteria.json). One person, main residence, income 7,000 € per unit in
/// 2024: 7,000 &lt; 10,800 → eligible; scale row from 6,700, column 1 unit → 98 € a year, paid in full for a line over
/// all of 2024. From 1 July 2024 an income of 20,000 € is not under the threshold: eligible 1 January – 30 June,
/// 182 of 366 days → 98 × 182 / 366 = 48.7322 → 48.73 €, so a claw-back takes back 98.00 − 48.73 = 49.27 €.
/// </summary>
public sealed class FactsOnInMemoryTests : IDisposable
{
    private const string Program = "cheque-energie-auto";
    private const string Rule = "cheque-energie-auto-payment";
    private static readonly DateInterval Year2024 = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
    private static readonly BatchHeader Header = new("b-2024", "edf", "france-etat-auto", "electricity", "EUR");
    private readonly FakeClock clock = new(Instant.FromUtc(2025, 1, 10, 8, 0));
    private readonly InMemoryTariffs app;

    public FactsOnInMemoryTests() => app = new InMemoryTariffs(clock);

    public void Dispose() => app.Dispose();

    private void Publish(bool clawBack)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "cheque-energie-criteria.json")))!;
        catalog["programs"]![0]!["clawBack"] = clawBack;
        var published = app.Get<CatalogRepository>().PublishAsync(catalog.ToJsonString(), CancellationToken.None).GetAwaiter().GetResult();
        Assert.Empty(published.Errors);
    }

    private async Task FactsAsync(string id, LocalDate asOf, decimal income)
    {
        Assert.Null(await app.Get<HouseholdFactsHandler>().HandleAsync(Messages.Facts(id, "h-1", asOf, income), "m-" + id, CancellationToken.None));
        clock.AdvanceMinutes(1);
    }

    /// <summary>Prices the line, then moves the clock on: facts sent next are received after it was priced.</summary>
    private async Task PriceAsync()
    {
        await app.Get<ChunkProcessor>().ProcessAsync(Header, 0, 0,
            Messages.Chunk([Messages.Line(1, "h-1", 1, Year2024, 1000, "kWh", "BASE", 250.00m)]), CancellationToken.None);
        clock.AdvanceMinutes(1);
    }

    /// <summary>Runs every queued recomputation twice (a redelivery writes nothing more).</summary>
    private async Task RecomputeAsync()
    {
        foreach (var message in app.Queues.Take(QueueNames.HouseholdRecompute))
        {
            await app.Get<HouseholdRecomputer>().HandleMessageAsync(message.Body, CancellationToken.None);
            await app.Get<HouseholdRecomputer>().HandleMessageAsync(message.Body, CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<LedgerItem>> ItemsAsync() =>
        (await app.Ledger.ReadLineAsync(new LedgerLineId("h-1", Header.BatchId, 1), CancellationToken.None))!.Items;

    [Fact]
    public async Task Facts_that_meet_the_criteria_price_the_program_with_no_flag()
    {
        Publish(clawBack: false);
        await FactsAsync("facts-1", new LocalDate(2024, 1, 1), 7000m);

        await PriceAsync();

        var item = Assert.Single(await ItemsAsync());
        Assert.Equal((Rule, Program, 0, 9_800L), (item.RuleId, item.ProgramId, item.Sequence, item.AmountMinor));
        Assert.Equal(0, (await app.Eligibility.ForHouseholdAsync([Program], "h-1", CancellationToken.None)).Count); // no flag stored
    }

    [Fact]
    public async Task Late_facts_grant_retroactively_with_exactly_one_correction()
    {
        Publish(clawBack: false);
        await PriceAsync();
        Assert.Empty(await ItemsAsync());

        await FactsAsync("facts-1", new LocalDate(2024, 1, 1), 7000m);
        await RecomputeAsync();

        var correction = Assert.Single(await ItemsAsync());
        Assert.Equal((Rule, 1, 9_800L), (correction.RuleId, correction.Sequence, correction.AmountMinor));
        Assert.StartsWith("facts facts-1", correction.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_that_shrink_eligibility_keep_the_earlier_grant_without_claw_back()
    {
        Publish(clawBack: false);
        await FactsAsync("facts-1", new LocalDate(2024, 1, 1), 7000m);
        await PriceAsync();
        app.Queues.Take(QueueNames.HouseholdRecompute);

        await FactsAsync("facts-2", new LocalDate(2024, 7, 1), 20000m);
        await RecomputeAsync();

        Assert.Equal([9_800L], (await ItemsAsync()).Select(i => i.AmountMinor));
        // The line holds what its eligibility gives: the facts known when it was priced still count for it, nothing is withheld.
        var explained = Assert.Single((await app.Get<HouseholdExplainer>().ExplainAsync("h-1", CancellationToken.None)).Lines);
        Assert.Empty(explained.Withheld);
    }

    [Fact]
    public async Task Facts_that_shrink_eligibility_take_back_the_days_lost_with_claw_back()
    {
        Publish(clawBack: true);
        await FactsAsync("facts-1", new LocalDate(2024, 1, 1), 7000m);
        await PriceAsync();
        app.Queues.Take(QueueNames.HouseholdRecompute);

        await FactsAsync("facts-2", new LocalDate(2024, 7, 1), 20000m);
        await RecomputeAsync();

        Assert.Equal([(0, 9_800L), (1, -4_927L)], (await ItemsAsync()).Select(i => (i.Sequence, i.AmountMinor)));
    }

    [Fact]
    public async Task An_agency_revocation_wins_over_facts_that_meet_the_criteria()
    {
        Publish(clawBack: false);
        await FactsAsync("facts-1", new LocalDate(2024, 1, 1), 7000m);
        Assert.Null(await app.Get<EligibilityFlagHandler>().HandleAsync(
            Messages.Revocation("r-1", "h-1", Program, new LocalDate(2024, 1, 1), new LocalDate(2023, 12, 15)), "m-r", CancellationToken.None));

        await PriceAsync();

        Assert.Empty(await ItemsAsync());
    }

    [Fact]
    public async Task The_same_facts_again_change_nothing_and_other_content_under_their_id_is_a_stored_conflict()
    {
        Publish(clawBack: false);
        await FactsAsync("facts-1", new LocalDate(2024, 1, 1), 7000m);
        await FactsAsync("facts-1", new LocalDate(2024, 1, 1), 7000m);

        var outcome = await app.Get<HouseholdFactsHandler>().RecordAsync(Messages.Facts("facts-1", "h-1", new LocalDate(2024, 1, 1), 7001m), "m-x", CancellationToken.None);

        Assert.True(outcome.Conflict);
        Assert.Single(await app.HouseholdFacts.ForHouseholdAsync("h-1", CancellationToken.None));
        var rejections = new List<Rejection>();
        await foreach (var r in app.Rejections.InPartitionAsync(HouseholdFactsHandler.RejectionPartition, CancellationToken.None))
            rejections.Add(r);
        var rejection = Assert.Single(rejections);
        Assert.StartsWith("facts-1|conflict|", rejection.Key, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Malformed_facts_are_refused_with_their_reasons_stored_and_nothing_else_is_lost()
    {
        Publish(clawBack: false);
        await FactsAsync("facts-good", new LocalDate(2024, 1, 1), 7000m);
        var handler = app.Get<HouseholdFactsHandler>();
        var wrongType = Messages.Facts("facts-bad", "h-1", new LocalDate(2024, 1, 1), 7000m).Replace("\"persons\":1", "\"persons\":\"one\"", StringComparison.Ordinal);
        Assert.Contains("\"one\"", wrongType, StringComparison.Ordinal);

        var checkedAtTheDoor = await handler.CheckAsync(Messages.Facts("facts-other", "h-2", new LocalDate(2024, 1, 1), 7000m), "h-1", "http-1", CancellationToken.None);
        var fromTheQueue = await handler.HandleAsync(wrongType, "m-bad", CancellationToken.None);
        var notJson = await handler.HandleAsync("{not json", "m-garbled", CancellationToken.None);

        Assert.Contains("is not the household of the route", checkedAtTheDoor, StringComparison.Ordinal);
        Assert.Contains("$.persons", fromTheQueue, StringComparison.Ordinal);
        Assert.NotNull(notJson);
        var rejections = new List<Rejection>();
        await foreach (var r in app.Rejections.InPartitionAsync(HouseholdFactsHandler.RejectionPartition, CancellationToken.None))
            rejections.Add(r);
        Assert.Equal(3, rejections.Count);
        var stored = Assert.Single(await app.HouseholdFacts.ForHouseholdAsync("h-1", CancellationToken.None));
        Assert.Equal("facts-good", stored.FactsId);
    }
}
