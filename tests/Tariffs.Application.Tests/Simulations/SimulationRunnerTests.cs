using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Application.Simulations;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Simulations;

/// <summary>
/// A queued simulation on the live ledger (in-memory twins), figures computed by hand: the Dunkerque sample tariff
/// (first 80 m³ a year at 0.89, CSS households at 0.34) against a draft lowering the CSS price to 0.24. Every household
/// uses 120 m³ over 2022: standard bill 80 × 0.89 + 40 × 1.66 = 137.60; a CSS household's social bill is
/// 80 × 0.34 + 40 × 1.66 = 93.60 now and 80 × 0.24 + 40 × 1.66 = 85.60 under the draft (44.00 → 52.00 from the social
/// tariff: 8.00 better off). Area A: 12 CSS households of income 3,000 (threshold 3% = 90.00: above it before the
/// social tariff and now, not under the draft) and 11 others of income 10,000 (threshold 300.00); area B: 5 others
/// (under k = 11); area C: 11 others (hidden so that B cannot be recovered as the total minus A and C). Chunks checkpoint
/// every 4 lines (one line a household), so each chunk stores several segments that the result combines.
/// </summary>
public sealed class SimulationRunnerTests : IDisposable
{
    private static readonly string Published = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalog-dunkerque-water.json"));
    private static readonly DateInterval Year2022 = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
    private const int CheckpointLines = 4;
    private readonly InMemoryTariffs app = new(new FakeClock(Instant.FromUtc(2023, 2, 1, 8, 0)),
        new Dictionary<string, string?> { ["Tariffs:Simulations:CheckpointLines"] = CheckpointLines.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public SimulationRunnerTests()
    {
        var catalog = app.Get<CatalogRepository>().PublishAsync(Published, CancellationToken.None).GetAwaiter().GetResult().Catalog!;
        var lines = new List<LedgerLine>();
        var number = 0;
        foreach (var (area, css, others) in new[] { ("A", 12, 11), ("B", 0, 5), ("C", 0, 11) })
            for (var i = 0; i < css + others; i++)
            {
                var household = $"{area}-{i}";
                var line = new BillingLine(++number, household, "acc-" + household, area, true, 4, Year2022, 120m, "m3", "DOM", 137.60m);
                IReadOnlyList<EligibilityWindow> windows = i < css ? [new EligibilityWindow("dunkerque-css", Year2022, new LocalDate(2022, 1, 1), "f-" + household)] : [];
                foreach (var window in windows)
                    app.Eligibility.SaveWindowAsync(household, window, "caf", "ev-" + household, Instant.FromUtc(2022, 1, 2, 0, 0), CancellationToken.None).GetAwaiter().GetResult();
                lines.Add(LedgerLine.Priced("b-2022", "op", "dunkerque", "water", Instant.FromUtc(2023, 1, 5, 8, 0), TariffEngine.Price(line, catalog, windows), i < css ? 3_000m : 10_000m));
            }
        Assert.Empty(app.Ledger.AppendAsync(lines, CancellationToken.None).GetAwaiter().GetResult().Refused);
    }

    public void Dispose() => app.Dispose();

    private SimulationRunner Runner => app.Get<SimulationRunner>();

    private static string Request(string? draft = null, string authority = "dunkerque") => new JsonObject
    {
        ["authority"] = authority,
        ["service"] = "water",
        ["from"] = "2022-01-01",
        ["to"] = "2022-12-31",
        ["draft"] = JsonNode.Parse(draft ?? Published.Replace("\"blockPrices\": [0.34, null]", "\"blockPrices\": [0.24, null]", StringComparison.Ordinal)),
    }.ToJsonString();

    /// <summary>Handles every queued simulation message, and those they queue, each <paramref name="deliveries"/> times.</summary>
    private async Task DrainAsync(int deliveries = 1)
    {
        while (app.Queues.Take(QueueNames.Simulations) is { Count: > 0 } messages)
            foreach (var message in messages)
                for (var i = 0; i < deliveries; i++)
                    await Runner.HandleMessageAsync(message.Body, 1, CancellationToken.None);
    }

    private async Task<SimulationStatus> SimulateAsync(int deliveries = 1)
    {
        var (id, errors) = await Runner.StartAsync(Request(), CancellationToken.None);
        Assert.Empty(errors);
        Assert.Equal(SimulationState.Queued, (await Runner.StatusAsync(id!, CancellationToken.None))!.State);
        await DrainAsync(deliveries);
        return (await Runner.StatusAsync(id!, CancellationToken.None))!;
    }

    [Fact]
    public async Task A_completed_simulation_gives_each_area_the_cost_who_gains_take_up_and_affordability_computed_by_hand()
    {
        var status = await SimulateAsync();

        Assert.Equal((SimulationState.Completed, 39L, (long?)39L, 0L), (status.State, status.LinesDone, status.LinesTotal, status.LinesRefused));
        var a = status.Cells!.Single(c => c.Area == "A");
        Assert.Equal(("2022", "EUR", false, (int?)23), (a.Period, a.Currency, a.Suppressed, a.Households));
        Assert.Equal((12 * 44.00m, 12 * 52.00m), (a.SocialCostNow!.Value, a.SocialCostDraft!.Value));
        Assert.Equal((12, 0, 11), (a.BetterOff, a.WorseOff, a.Unchanged));
        Assert.Equal((12, 12, 12, 12), (a.EligibleNow, a.ReceivingNow, a.EligibleDraft, a.ReceivingDraft));
        Assert.Equal((1.0, 1.0), (a.TakeUpNow, a.TakeUpDraft));
        Assert.Equal((23, 12, 12, 0), (a.HouseholdsWithKnownIncome, a.AboveThresholdBefore, a.AboveThresholdNow, a.AboveThresholdDraft));
        Assert.Equal(12, a.Bands["better off 0 to 10"]);
        var total = status.Cells!.Single(c => c.Area == "*");
        Assert.Equal((39, 528.00m, 624.00m, 12, 27), (total.Households!.Value, total.SocialCostNow!.Value, total.SocialCostDraft!.Value, total.BetterOff!.Value, total.Unchanged!.Value));
        var stored = (await app.Simulations.ResultAsync(status.Id, CancellationToken.None))!; // combined once, when the last chunk completed
        Assert.Equal((Json(status.Cells), 39L), (Json(stored.Cells), stored.LinesDone));
        Assert.Equal(78, stored.Segments.Sum(s => s.Households)); // 39 households in their area and in the total
        Assert.True(stored.Segments.Count > app.Ledger.Shards); // several checkpoints a chunk
    }

    [Fact]
    public async Task A_small_area_is_hidden_and_so_is_the_area_that_would_give_it_away_from_the_total()
    {
        var cells = (await SimulateAsync()).Cells!;

        Assert.True(cells.Single(c => c.Area == "B").Suppressed);
        Assert.True(cells.Single(c => c.Area == "C").Suppressed);
        Assert.Null(cells.Single(c => c.Area == "C").SocialCostNow);
        Assert.False(cells.Single(c => c.Area == "A").Suppressed);
    }

    [Fact]
    public async Task Every_message_delivered_twice_counts_each_chunk_once()
    {
        var status = await SimulateAsync(deliveries: 2);

        Assert.Equal((SimulationState.Completed, 39L), (status.State, status.LinesDone));
        var total = status.Cells!.Single(c => c.Area == "*");
        Assert.Equal((39, 528.00m, 624.00m), (total.Households!.Value, total.SocialCostNow!.Value, total.SocialCostDraft!.Value));
    }

    [Fact]
    public async Task A_simulation_writes_nothing_to_the_ledger()
    {
        var before = await LedgerAsync();

        await SimulateAsync();

        Assert.Equal(before, await LedgerAsync());
        Assert.Empty(await app.Ledger.PendingPublicationsAsync(Instant.MaxValue, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task The_household_level_diff_pages_each_household_with_what_it_pays_now_and_under_the_draft()
    {
        var status = await SimulateAsync();

        var first = (await Runner.HouseholdsAsync(status.Id, 0, 50, CancellationToken.None))!.Value;
        var rest = (await Runner.HouseholdsAsync(status.Id, 50, 50, CancellationToken.None))!.Value;
        Assert.Equal((50, true, 28, false), (first.Page.Count, first.More, rest.Page.Count, rest.More)); // 39 households in their area and in the total
        var all = first.Page.Concat(rest.Page).ToList();
        Assert.Equal(78, all.Select(h => (h.Area, h.HouseholdId)).Distinct().Count());
        var css = all.Single(h => h.Area == "A" && h.HouseholdId == "A-0");
        Assert.Equal((93.60m, 85.60m, -8.00m), (css.NetNow, css.NetDraft, css.Change));
        Assert.Equal(all.Skip(7).Take(30), (await Runner.HouseholdsAsync(status.Id, 7, 30, CancellationToken.None))!.Value.Page);
    }

    [Fact]
    public async Task A_chunk_stopped_after_a_checkpoint_and_delivered_again_reads_only_the_rest_and_gives_the_uninterrupted_result()
    {
        var uninterrupted = await SimulateAsync();
        var (id, _) = await Runner.StartAsync(Request(), CancellationToken.None);
        await DrainPlanAsync();
        var chunks = app.Queues.Take(QueueNames.Simulations);
        var sizes = new List<int>();
        for (var shard = 0; shard < app.Ledger.Shards; shard++)
            sizes.Add((await app.Ledger.ReadShardAsync(shard, new LedgerRange("dunkerque", "water", new LocalDate(2000, 1, 1), new LocalDate(2099, 12, 31)), null, CancellationToken.None).ToListAsync()).Count);
        var largest = sizes.IndexOf(sizes.Max());
        Assert.InRange(sizes[largest], CheckpointLines + 3, 39); // a checkpoint, then lines read after it
        var message = chunks.Single(m => m.Body.Contains($"\"shard\":{largest}", StringComparison.Ordinal));

        var stopping = new CountingLedger(app.Ledger, failAfter: CheckpointLines + 2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunnerOn(stopping).HandleMessageAsync(message.Body, 1, CancellationToken.None));
        var checkpoint = (await app.Simulations.ChunksAsync(id!, CancellationToken.None)).Single(c => c.Shard == largest);
        Assert.Equal((false, (long)CheckpointLines, 1), (checkpoint.Completed, checkpoint.LinesDone, checkpoint.Segments));
        Assert.Equal(SimulationState.Running, (await Runner.StatusAsync(id!, CancellationToken.None))!.State);

        var again = new CountingLedger(app.Ledger);
        await RunnerOn(again).HandleMessageAsync(message.Body, 2, CancellationToken.None);
        Assert.Equal(sizes[largest] - CheckpointLines, again.LinesRead);
        foreach (var other in chunks.Where(m => m != message))
            await Runner.HandleMessageAsync(other.Body, 1, CancellationToken.None);

        var resumed = (await Runner.StatusAsync(id!, CancellationToken.None))!;
        Assert.Equal((SimulationState.Completed, 39L), (resumed.State, resumed.LinesDone));
        Assert.Equal(Json(uninterrupted.Cells), Json(resumed.Cells));
        Assert.Equal((await Runner.HouseholdsAsync(uninterrupted.Id, 0, 100, CancellationToken.None))!.Value.Page.OrderBy(h => (h.Area, h.HouseholdId)),
            (await Runner.HouseholdsAsync(id!, 0, 100, CancellationToken.None))!.Value.Page.OrderBy(h => (h.Area, h.HouseholdId)));
    }

    [Fact]
    public async Task A_chunk_failing_on_its_last_delivery_marks_the_simulation_failed_with_why_and_no_result_is_combined()
    {
        var (id, _) = await Runner.StartAsync(Request(), CancellationToken.None);
        await DrainPlanAsync();
        var chunks = app.Queues.Take(QueueNames.Simulations);
        var broken = RunnerOn(new CountingLedger(app.Ledger, failAfter: 0));
        var last = app.Get<IOptions<QueueRetryOptions>>().Value.MaxDequeueCount;

        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.HandleMessageAsync(chunks[0].Body, last - 1, CancellationToken.None));
        var running = (await Runner.StatusAsync(id!, CancellationToken.None))!;
        Assert.Equal((SimulationState.Running, (string?)null), (running.State, running.Error));

        await broken.HandleMessageAsync(chunks[0].Body, last, CancellationToken.None); // not thrown: the message is done with
        foreach (var other in chunks.Skip(1))
            await Runner.HandleMessageAsync(other.Body, 1, CancellationToken.None);
        await Runner.HandleMessageAsync(chunks[0].Body, 1, CancellationToken.None); // a stray copy does nothing more

        var status = (await Runner.StatusAsync(id!, CancellationToken.None))!;
        Assert.Equal(SimulationState.Failed, status.State);
        Assert.Equal($"chunk 0: InvalidOperationException: the host stopped after 0 lines (delivery {last})", status.Error);
        Assert.Null(status.Cells);
        Assert.Null(await app.Simulations.ResultAsync(id!, CancellationToken.None));
        Assert.Null(await Runner.HouseholdsAsync(id!, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_chunk_message_moved_to_the_poison_queue_marks_the_simulation_failed_with_why()
    {
        var (id, _) = await Runner.StartAsync(Request(), CancellationToken.None);
        await DrainPlanAsync();
        var chunk = app.Queues.Take(QueueNames.Simulations).Single(m => m.Body.Contains("\"shard\":1", StringComparison.Ordinal));
        app.PoisonQueues.Put(PoisonRecorder.PoisonQueue(QueueNames.Simulations), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(chunk.Body)));

        Assert.Equal(1, await app.Get<PoisonQueueSweeper>().SweepAsync(CancellationToken.None));

        var status = (await Runner.StatusAsync(id!, CancellationToken.None))!;
        Assert.Equal(SimulationState.Failed, status.State);
        Assert.StartsWith("chunk 1: moved to simulations-poison (message inserted ", status.Error, StringComparison.Ordinal);
        Assert.EndsWith("last error: none recorded: the message never reached its function", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_draft_or_another_authoritys_is_refused_with_its_faults_and_nothing_is_queued()
    {
        var (id, errors) = await Runner.StartAsync(Request(draft: Published.Replace("\"blockPrices\": [0.34, null]", "\"blockPrices\": [-0.24, null]", StringComparison.Ordinal)), CancellationToken.None);
        Assert.Null(id);
        Assert.Contains(errors, e => e.StartsWith("$.draft.", StringComparison.Ordinal));

        (id, errors) = await Runner.StartAsync(Request(authority: "grenoble"), CancellationToken.None);
        Assert.Null(id);
        Assert.Contains(errors, e => e.Contains("not of the simulation's grenoble/water", StringComparison.Ordinal));
        Assert.Empty(app.Queues.Peek(QueueNames.Simulations));
    }

    /// <summary>Handles the planning message queued by a start: it counts the lines and queues one message per chunk.</summary>
    private async Task DrainPlanAsync()
    {
        var plan = Assert.Single(app.Queues.Take(QueueNames.Simulations));
        await Runner.HandleMessageAsync(plan.Body, 1, CancellationToken.None);
    }

    /// <summary>The runner of the app on another ledger.</summary>
    private SimulationRunner RunnerOn(ILedger ledger) => ActivatorUtilities.CreateInstance<SimulationRunner>(app.Services, ledger);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, TariffsJson.Options);

    /// <summary>Every stored line with its items, as JSON, in key order.</summary>
    private async Task<string> LedgerAsync()
    {
        var lines = new List<string>();
        await foreach (var read in app.Ledger.ReadAllForReportsAsync(CancellationToken.None))
            lines.Add(JsonSerializer.Serialize(read.Line, TariffsJson.Options));
        return string.Join("\n", lines);
    }

}
