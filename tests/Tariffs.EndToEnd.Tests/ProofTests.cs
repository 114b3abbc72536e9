using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Nothing lost, nothing doubled: each proof runs its own Azurite and host processes, drives a batch through
/// faults, duplicates, concurrency and garbage, then checks the ledger line by line against totals computed
/// by hand (every line: 120 m³ over 2022; every CSS household −0.55 × 80 m³ = −44.00 €, nobody else anything).
/// </summary>
[Collection(ProofCollection.Name)]
public sealed class ProofTests
{
    private const string Authority = "dunkerque";
    private const string Program = "dunkerque-css";
    private const long PerCssHousehold = -4400;

    private static string Household(int i) => $"hh-{i:D6}";

    private static JsonObject Batch(string batchId, int lines, int firstLine = 1) =>
        Pipeline.Batch(batchId, Authority, Enumerable.Range(firstLine, lines).Select(i => Pipeline.Line(i, Household(i), 120m, area: $"A{i % 7}")));

    private static async Task FlagAsync(ITariffsService system, IEnumerable<int> households)
    {
        foreach (var i in households)
            await system.PostEligibilityAsync(Pipeline.Flag($"css-{Household(i)}", Household(i), Program, "2022-01-01"));
    }

    private static async Task<JsonObject> StatusAsync(ITariffsService system, string batchId)
    {
        using var response = await system.SendAsync(HttpMethod.Get, $"api/batches/{batchId}");
        return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonObject>())! : new JsonObject();
    }

    /// <summary>Checks every line of the batch once, and each household's total.</summary>
    private static async Task AssertExactLedgerAsync(ITariffsService system, string batchId, int lines, ISet<int> css, int firstLine = 1)
    {
        var ledger = await system.LedgerAsync(batchId);
        Assert.Equal(Enumerable.Range(firstLine, lines), ledger.Select(e => e.LineNumber));
        var wrong = ledger
            .Select(e => (Line: e.LineNumber, Sum: e.Items.Sum(a => a.AmountMinor)))
            .Where(x => x.Sum != (css.Contains(x.Line) ? PerCssHousehold : 0))
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} lines have a wrong total, e.g. line {wrong.FirstOrDefault().Line}: {wrong.FirstOrDefault().Sum}");
        Assert.All(ledger, e => Assert.Equal(13760, e.StandardBillMinor)); // 80 × 0.89 + 40 × 1.66
    }

    private static async Task AssertNoPoisonAsync(ITariffsService system)
    {
        foreach (var queue in new[] { "billing-batches", "billing-chunks", "eligibility-flags", "household-recompute" })
        {
            var poison = system.Queue(queue + "-poison");
            Assert.False(await poison.ExistsAsync() && (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0, $"{queue}-poison holds messages");
        }
    }

    [Fact]
    public async Task Storage_faults_at_random_points_of_a_20000_line_batch_end_with_exact_totals()
    {
        // 2% of storage calls fail, half of them after the write happened; failed messages come back after 0.5 s.
        await using var system = await ProofSystem.StartAsync(1,
            "--Tariffs:FaultInjection:Probability=0.02",
            "--Tariffs:Intake:ChunkSize=500",
            "--AzureFunctionsJobHost:extensions:queues:visibilityTimeout=00:00:00.5",
            "--AzureFunctionsJobHost:extensions:queues:maxDequeueCount=1000");
        const int lines = 20_000;
        var early = Enumerable.Range(1, lines).Where(i => i % 5 == 0).ToHashSet();        // 4,000 flagged before billing
        var late = Enumerable.Range(1, lines).Where(i => i % 97 == 1).Take(100).ToHashSet(); // 100 flagged after
        await system.PublishCatalogAsync(Samples.Catalog);
        await FlagAsync(system, early);

        var accepted = await system.PostBatchAsync(Batch("chaos-20000", lines).ToJsonString());
        Assert.Equal(40, (int)accepted["chunks"]!);
        await FlagAsync(system, late);
        await Eventually.ValueAsync(() => StatusAsync(system, "chaos-20000"), s => (string?)s["state"] == "completed", TimeSpan.FromMinutes(5), "the batch to complete");
        await system.WaitUntilIdleAsync();

        await AssertExactLedgerAsync(system, "chaos-20000", lines, early.Union(late).ToHashSet());
        var status = await StatusAsync(system, "chaos-20000");
        Assert.Equal(lines, (int)status["linesPriced"]!);
        Assert.Equal(0, (int)status["linesRejected"]!);
        Assert.True(system.Hosts[0].IsRunning);
        Assert.Contains("Injected storage fault", system.Hosts[0].Log()); // the faults did happen
        await AssertNoPoisonAsync(system);
    }

    [Fact]
    public async Task The_host_killed_repeatedly_during_a_20000_line_batch_and_restarted_ends_with_exact_totals()
    {
        // A real crash: SIGKILL mid-chunk. The messages the dead host held stay invisible for the WebJobs queue
        // listener's 10-minute lease (hard-coded in the SDK, as in Azure) before they are delivered again, so
        // this proof takes about eleven minutes. Small batches of messages keep fewer of them in flight.
        await using var system = await ProofSystem.StartAsync(1,
            "--Tariffs:Intake:ChunkSize=500",
            "--AzureFunctionsJobHost:extensions:queues:batchSize=2",
            "--AzureFunctionsJobHost:extensions:queues:newBatchThreshold=1");
        const int lines = 20_000;
        var early = Enumerable.Range(1, lines).Where(i => i % 5 == 0).ToHashSet();
        var late = Enumerable.Range(1, lines).Where(i => i % 89 == 2).Take(60).ToHashSet();
        await system.PublishCatalogAsync(Samples.Catalog);
        await FlagAsync(system, early);
        await system.PostBatchAsync(Batch("crash-20000", lines).ToJsonString());

        var random = new Random(2026);
        var kills = 0;
        foreach (var batchOfLateFlags in late.Chunk(20))
        {
            await Task.Delay(random.Next(300, 1500));
            await system.CrashAndRestartAsync(0);
            kills++;
            await FlagAsync(system, batchOfLateFlags); // flags arrive between crashes
        }
        await Eventually.ValueAsync(() => StatusAsync(system, "crash-20000"), s => (string?)s["state"] == "completed", TimeSpan.FromMinutes(14), "the batch to complete after the crashes");
        await system.WaitUntilIdleAsync(TimeSpan.FromMinutes(12));

        Assert.Equal(3, kills);
        await AssertExactLedgerAsync(system, "crash-20000", lines, early.Union(late).ToHashSet());
        await AssertNoPoisonAsync(system);
    }

    [Fact]
    public async Task Two_hosts_consuming_the_same_queues_end_with_exact_totals()
    {
        await using var system = await ProofSystem.StartAsync(2, "--Tariffs:Intake:ChunkSize=250");
        const int lines = 10_000;
        var css = Enumerable.Range(1, lines).Where(i => i % 4 == 0).ToHashSet();
        await system.PublishCatalogAsync(Samples.Catalog);
        await FlagAsync(system, css.Where(i => i % 8 == 0));

        await system.PostBatchAsync(Batch("two-hosts", lines).ToJsonString());
        await FlagAsync(system, css.Where(i => i % 8 != 0)); // half of the flags arrive while both hosts price
        await Eventually.ValueAsync(() => StatusAsync(system, "two-hosts"), s => (string?)s["state"] == "completed", TimeSpan.FromMinutes(5), "the batch to complete");
        await system.WaitUntilIdleAsync();

        await AssertExactLedgerAsync(system, "two-hosts", lines, css);
        // Both hosts priced chunks: the line ChunkProcessor logs once it has stored a chunk of this batch.
        Assert.All(system.Hosts, h => Assert.Matches(@"Batch two-hosts chunk \d+: \d+ lines received", h.Log()));
        await AssertNoPoisonAsync(system);
    }

    [Fact]
    public async Task Every_message_delivered_three_times_gives_the_ledger_of_one_delivery()
    {
        await using var system = await ProofSystem.StartAsync(1);
        await system.PublishCatalogAsync(Samples.Catalog);
        var css = Enumerable.Range(1, 1000).Where(i => i % 3 == 0).ToHashSet();
        var flags = system.Queue("eligibility-flags");
        var batches = system.Queue("billing-batches");
        for (var copy = 0; copy < 3; copy++)
        {
            foreach (var i in css.Where(i => i <= 500)) // half of the flags before the batches…
                await flags.SendMessageAsync(Pipeline.Flag($"css-{Household(i)}", Household(i), Program, "2022-01-01").ToJsonString());
            for (var b = 0; b < 10; b++)                 // ten small batches of 100 lines, inline on the queue (a batch id names one document)
                await batches.SendMessageAsync(Batch($"triple-{b}", 100, b * 100 + 1).ToJsonString());
            foreach (var i in css.Where(i => i > 500))  // …half after
                await flags.SendMessageAsync(Pipeline.Flag($"css-{Household(i)}", Household(i), Program, "2022-01-01").ToJsonString());
        }
        await system.WaitUntilIdleAsync();

        for (var b = 0; b < 10; b++)
            await AssertExactLedgerAsync(system, $"triple-{b}", 100, css, b * 100 + 1);
        await AssertNoPoisonAsync(system);
    }

    [Fact]
    public async Task Thousands_of_malformed_messages_and_lines_are_each_stored_as_a_rejection_and_the_host_keeps_running()
    {
        await using var system = await ProofSystem.StartAsync(1);
        await system.PublishCatalogAsync(Samples.Catalog);
        var random = new Random(7);
        var garbage = new Func<int, string>[]
        {
            i => $"{{\"batchId\": \"broken-{i}\", \"lines\": [",                         // truncated
            i => new string((char)random.Next(33, 126), random.Next(1, 200)),            // noise
            i => $"{{\"batchId\": \"nolines-{i}\", \"authority\": \"{Authority}\", \"service\": \"water\", \"currency\": \"EUR\"}}",
            i => $"{{\"batchId\": \"nocatalog-{i}\", \"authority\": \"nowhere\", \"service\": \"water\", \"currency\": \"EUR\", \"lines\": []}}",
            i => "[1, 2, 3]",
            i => $"{{\"flagId\": 42, \"lines\": {{}}}}",
        };
        var queue = system.Queue("billing-batches");
        const int messages = 2400;
        for (var i = 0; i < messages; i++)
            await queue.SendMessageAsync(garbage[i % garbage.Length](i));

        // One batch of 3,000 lines, a third of them bad in six different ways.
        var batch = Batch("mixed", 3000);
        var bad = new Action<JsonObject>[]
        {
            l => l["consumption"]!["quantity"] = -1,
            l => l["period"]!["to"] = "2021-01-01",
            l => l["tariffCode"] = "UNKNOWN",
            l => l.Remove("householdId"),
            l => l["persons"] = "four",
            l => l["period"]!["from"] = "2022-02-30",
        };
        var lines = batch["lines"]!.AsArray();
        for (var i = 0; i < lines.Count; i += 3)
            bad[i / 3 % bad.Length](lines[i]!.AsObject());
        await system.PostBatchAsync(batch.ToJsonString());
        await system.WaitUntilIdleAsync();

        var unreadable = await system.RejectionsAsync("billing-batches");
        var refusedBatches = 0;
        foreach (var prefix in new[] { "nolines-", "nocatalog-" })
            for (var i = 0; i < messages; i++)
                if ((await system.RejectionsAsync($"{prefix}{i}")).Count == 1)
                    refusedBatches++;
        Assert.Equal(messages, unreadable.Count + refusedBatches);
        Assert.All(unreadable, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));

        var lineRejections = await system.RejectionsAsync("mixed");
        Assert.Equal(1000, lineRejections.Count);
        Assert.Equal(2000, (await system.LedgerAsync("mixed")).Count);
        Assert.True(system.Hosts[0].IsRunning);
        await AssertNoPoisonAsync(system);
    }
}

/// <summary>Proof tests run one at a time, each with its own Azurite and hosts.</summary>
[CollectionDefinition(Name)]
public sealed class ProofCollection
{
    public const string Name = "Proofs";
}
