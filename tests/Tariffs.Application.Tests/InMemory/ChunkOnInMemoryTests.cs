using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Intake;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Output;
using Tariffs.Application.Ports;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.InMemory;

/// <summary>
/// Chunk processing and household recomputation wired entirely on the in-memory adapters (no Azurite): PRODUCT.md's
/// worked example 1 in Dunkerque — 120 m³ for 4 persons in 2022 is 80 × 0.89 + 40 × 1.66 = 137.60 €; a CSS household
/// pays its first 80 m³ at 0.34 instead, 80 × (0.34 − 0.89) = −44.00 €, a social bill of 93.60 €.
/// </summary>
public sealed class ChunkOnInMemoryTests : IDisposable
{
    private static readonly DateInterval Year2022 = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
    private static readonly BatchHeader Header = new("b-2022", "eau-du-dunkerquois", "dunkerque", "water", "EUR");
    private readonly FakeClock clock = new(Instant.FromUtc(2023, 1, 10, 8, 0));
    private readonly InMemoryTariffs app;

    public ChunkOnInMemoryTests()
    {
        app = new InMemoryTariffs(clock);
        var published = app.Get<CatalogRepository>().PublishAsync(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "dunkerque-water.json")), CancellationToken.None)
            .GetAwaiter().GetResult();
        Assert.Empty(published.Errors);
    }

    public void Dispose() => app.Dispose();

    private static BillingLineMessage[] Lines() =>
    [
        Messages.Line(1, "h-css", 4, Year2022, 120, "m3", "DOM", 137.60m),
        Messages.Line(2, "h-plain", 4, Year2022, 120, "m3", "DOM", 137.60m),
        Messages.Line(3, "h-bad", 0, Year2022, 120, "m3", "DOM", 137.60m),
    ];

    private Task<string?> FlagAsync() => app.Get<EligibilityFlagHandler>().HandleAsync(
        Messages.Flag("f-css", "h-css", "dunkerque-css", new LocalDate(2021, 6, 1), null, new LocalDate(2021, 6, 1)), "m-1", CancellationToken.None);

    /// <summary>Each stored line's social bill and its items' amounts, in minor units, by household.</summary>
    private async Task<Dictionary<string, (long Social, string Items)>> LinesAsync()
    {
        var lines = new Dictionary<string, (long, string)>();
        await foreach (var line in app.Ledger.ReadBatchAsync(Header.BatchId, CancellationToken.None))
            lines[line.HouseholdId] = (line.SocialBillMinor, string.Join(",", line.Items.Select(i => i.AmountMinor)));
        return lines;
    }

    [Fact]
    public async Task A_chunk_prices_its_good_lines_with_the_eligibility_stored_refuses_the_bad_one_publishes_and_records_itself()
    {
        Assert.Null(await FlagAsync());
        app.Queues.Take(QueueNames.HouseholdRecompute); // nothing billed yet: the recomputation has nothing to do
        Assert.Null(await app.Batches.ClaimAsync(new BatchRecord { BatchId = Header.BatchId, Operator = Header.Operator, Authority = "dunkerque", Service = "water", Lines = 3, Chunks = 1 }, CancellationToken.None));

        await app.Get<ChunkProcessor>().ProcessAsync(Header, 0, 0, Messages.Chunk(Lines()), CancellationToken.None);

        var lines = await LinesAsync();
        Assert.Equal((9_360L, "-4400"), lines["h-css"]);
        Assert.Equal((13_760L, ""), lines["h-plain"]);
        Assert.False(lines.ContainsKey("h-bad"));
        var rejection = Assert.Single(await RejectionsAsync());
        Assert.Equal(Rejection.LineKey(3), rejection.Key);
        Assert.Contains("persons", rejection.Reason, StringComparison.Ordinal);
        var status = (await app.Batches.GetStatusAsync(Header.BatchId, CancellationToken.None))!;
        Assert.Equal((BatchStatus.Completed, 2, 1, 1), (status.State, status.LinesPriced, status.LinesRejected, status.AdjustmentsWritten));
        var published = JsonSerializer.Deserialize<AdjustmentPublication>(Assert.Single(app.Queues.Take(QueueNames.AdjustmentsOut)).Body, TariffsJson.Options)!;
        Assert.Equal(("h-css", -44.00m, "dunkerque-css-essential-water"), (Assert.Single(published.Adjustments).HouseholdId, published.Adjustments[0].Amount, published.Adjustments[0].RuleId));
        Assert.Empty(app.Queues.Peek(QueueNames.HouseholdRecompute));
    }

    [Fact]
    public async Task A_chunk_delivered_again_writes_nothing_new()
    {
        Assert.Null(await FlagAsync());
        await app.Get<ChunkProcessor>().ProcessAsync(Header, 0, 0, Messages.Chunk(Lines()), CancellationToken.None);
        var first = await LinesAsync();
        clock.AdvanceMinutes(5);

        await app.Get<ChunkProcessor>().ProcessAsync(Header, 0, 0, Messages.Chunk(Lines()), CancellationToken.None);

        Assert.Equal(first, await LinesAsync());
        Assert.Single(await RejectionsAsync());
    }

    [Fact]
    public async Task A_flag_after_the_bill_is_recomputed_into_a_correction_once_whatever_the_redeliveries()
    {
        await app.Get<ChunkProcessor>().ProcessAsync(Header, 0, 0, Messages.Chunk(Lines()), CancellationToken.None);
        Assert.Equal((13_760L, ""), (await LinesAsync())["h-css"]);
        Assert.Empty(app.Queues.Take(QueueNames.AdjustmentsOut)); // no adjustment: nothing published
        clock.AdvanceMinutes(5);

        Assert.Null(await FlagAsync());
        var recompute = Assert.Single(app.Queues.Take(QueueNames.HouseholdRecompute));
        var recomputer = app.Get<HouseholdRecomputer>();
        await recomputer.HandleMessageAsync(recompute.Body, CancellationToken.None);
        await recomputer.HandleMessageAsync(recompute.Body, CancellationToken.None); // redelivered

        var line = await app.Ledger.ReadLineAsync(new Domain.Ledger.LedgerLineId("h-css", Header.BatchId, 1), CancellationToken.None);
        Assert.Equal(9_360L, line!.SocialBillMinor);
        var correction = Assert.Single(line.Items);
        Assert.Equal(("dunkerque-css-essential-water", 1, -4_400L), (correction.RuleId, correction.Sequence, correction.AmountMinor));
        var published = JsonSerializer.Deserialize<AdjustmentPublication>(Assert.Single(app.Queues.Take(QueueNames.AdjustmentsOut)).Body, TariffsJson.Options)!;
        Assert.Equal(-44.00m, Assert.Single(published.Adjustments).Amount);
    }

    private async Task<List<Rejection>> RejectionsAsync()
    {
        var list = new List<Rejection>();
        await foreach (var r in app.Rejections.InPartitionAsync(Header.BatchId, CancellationToken.None))
            list.Add(r);
        return list;
    }
}
