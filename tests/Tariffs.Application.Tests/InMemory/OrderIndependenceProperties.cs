using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Intake;
using Tariffs.Application.Messages;
using Tariffs.Domain.Catalog;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.InMemory;

/// <summary>
/// Issue 13's order independence, in process on the in-memory adapters: 500 random cases (FsCheck; each a catalog of 1–3
/// programs of varied rule kinds taken from the samples, with random start policies and claw-back, 1–8 lines in 1–3 chunks, up to 4 flags
/// and 2 revocations), each delivered in 8 random orders (4,000 orders) with duplicated chunks, flags and
/// recomputations, recomputations interleaved at random, every order ending with the same per-line, per-rule sums as the
/// reference order "flags first, then the batch". Revocations follow the documented semantics (docs/api.md,
/// "Eligibility over time"): without claw-back a revocation counts only for lines first priced after it was received, so
/// a revocation is delivered before every chunk in every order, except one of a program without claw-back, which may
/// come after them all (in the reference too) and then changes nothing.
/// </summary>
public sealed class OrderIndependenceProperties
{
    private const int Orders = 8;

    private static readonly string[] StartPolicies = ["asGiven", "quarterOfDecision", "nextBillingPeriod", "decisionDate"];

    private static readonly JsonObject[] SampleCatalogs = [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs"), "*.json")
        .Where(f => !f.EndsWith(".cases.json", StringComparison.Ordinal))
        .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
        .Where(c => c["programs"] is JsonArray { Count: > 0 })];

    private static readonly JsonObject[] SamplePrograms = [.. SampleCatalogs.SelectMany(c => c["programs"]!.AsArray()).Select(p => p!.AsObject())];

    [Property(MaxTest = 500)]
    public void Every_delivery_order_ends_with_the_sums_of_flags_first_then_the_batch(int seed)
    {
        var random = new Random(seed);
        var scenario = Scenario.Generate(random);
        var reference = RunAsync(scenario, scenario.ReferenceOrder(), new Random(seed)).GetAwaiter().GetResult();
        for (var o = 0; o < Orders; o++)
        {
            var order = scenario.RandomOrder(random);
            var sums = RunAsync(scenario, order, random).GetAwaiter().GetResult();
            if (!sums.SequenceEqual(reference))
                Assert.Fail($"Order {string.Join(" ", order)} ends with {Show(sums)}; flags first, then the batch: {Show(reference)}\ncatalog: {scenario.Catalog}");
        }
    }

    private static string Show(SortedDictionary<string, long> sums) => string.Join(", ", sums.Select(s => $"{s.Key}={s.Value}"));

    /// <summary>Delivers the messages in <paramref name="order"/>, recomputations at random in between, then those left; returns the non-zero sums per line and rule.</summary>
    private static async Task<SortedDictionary<string, long>> RunAsync(Scenario scenario, IReadOnlyList<string> order, Random random)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 5, 8, 0));
        using var app = new InMemoryTariffs(clock);
        Assert.Empty((await app.Get<CatalogRepository>().PublishAsync(scenario.Catalog, CancellationToken.None)).Errors);
        var flags = app.Get<EligibilityFlagHandler>();
        var chunks = app.Get<ChunkProcessor>();
        var recomputer = app.Get<HouseholdRecomputer>();
        var pending = new List<string>();
        var deliveries = 0;
        async Task RecomputeAsync(bool all)
        {
            pending.AddRange(app.Queues.Take(QueueNames.HouseholdRecompute).Select(m => m.Body));
            while (pending.Count > 0 && (all || random.Next(2) == 0))
            {
                var i = random.Next(pending.Count);
                clock.AdvanceSeconds(1);
                await recomputer.HandleMessageAsync(pending[i], CancellationToken.None);
                if (all || random.Next(4) > 0) // a recomputation delivered again stays pending
                    pending.RemoveAt(i);
                pending.AddRange(app.Queues.Take(QueueNames.HouseholdRecompute).Select(m => m.Body));
            }
        }
        foreach (var step in order)
        {
            clock.AdvanceMinutes(1);
            var (kind, index) = (step[0], int.Parse(step[1..], System.Globalization.CultureInfo.InvariantCulture));
            if (kind == 'c')
            {
                var chunk = scenario.Chunks[index];
                await chunks.ProcessAsync(Scenario.Header, index, chunk.FirstIndex, Messages.Chunk(chunk.Lines), CancellationToken.None);
            }
            else
            {
                Assert.Null(await flags.HandleAsync(kind == 'f' ? scenario.Flags[index] : scenario.Revocations[index].Json, $"m-{deliveries}", CancellationToken.None));
            }
            deliveries++;
            await RecomputeAsync(all: false);
        }
        await RecomputeAsync(all: true);

        var sums = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var line in app.Ledger.ReadBatchAsync(Scenario.Header.BatchId, CancellationToken.None))
        {
            sums[$"line {line.LineNumber:D2}"] = line.StandardBillMinor;
            foreach (var rule in line.Items.GroupBy(i => i.RuleId))
                if (rule.Sum(i => i.AmountMinor) is var sum and not 0)
                    sums[$"line {line.LineNumber:D2} {rule.Key}"] = sum;
        }
        return sums;
    }

    /// <summary>
    /// True for a rule that sets a social price: it lowers the bill only against the prices of its own catalog (elsewhere a
    /// grant could raise the bill, which a late grant never does: docs/api.md), so it is not moved to another catalog.
    /// </summary>
    private static bool SetsAPrice(JsonNode rule) => rule["kind"]!.GetValue<string>() is "socialUnitPrice" or "socialBlockPrice";

    /// <summary>A catalog, lines in chunks, flags and revocations; messages are named f0, r0, c0 ….</summary>
    private sealed record Scenario(string Catalog, IReadOnlyList<(int FirstIndex, BillingLineMessage[] Lines)> Chunks, IReadOnlyList<string> Flags,
        IReadOnlyList<(string Json, bool Late)> Revocations)
    {
        public static readonly BatchHeader Header = new("b-order", "op", "order-authority", "order-service", "EUR");

        /// <summary>Flags and early revocations, then the chunks, then late revocations.</summary>
        public IReadOnlyList<string> ReferenceOrder() =>
        [
            .. Flags.Select((_, i) => $"f{i}"), .. Revocations.Select((r, i) => (r, i)).Where(r => !r.r.Late).Select(r => $"r{r.i}"),
            .. Chunks.Select((_, i) => $"c{i}"), .. Revocations.Select((r, i) => (r, i)).Where(r => r.r.Late).Select(r => $"r{r.i}"),
        ];

        /// <summary>Flags and chunks shuffled, some delivered twice; early revocations before the first chunk, late ones after the last.</summary>
        public IReadOnlyList<string> RandomOrder(Random random)
        {
            var steps = Flags.Select((_, i) => $"f{i}").Concat(Chunks.Select((_, i) => $"c{i}")).ToList();
            foreach (var step in steps.ToList())
                if (random.Next(4) == 0)
                    steps.Add(step);
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(steps));
            for (var i = 0; i < Revocations.Count; i++)
            {
                var first = steps.FindIndex(s => s[0] == 'c');
                var last = steps.FindLastIndex(s => s[0] == 'c');
                if (Revocations[i].Late)
                    steps.Insert(random.Next(last + 1, steps.Count + 1), $"r{i}");
                else
                    steps.Insert(random.Next(0, first + 1), $"r{i}");
            }
            return steps;
        }

        public static Scenario Generate(Random random)
        {
            var (json, catalog) = RandomCatalog(random);
            var households = Enumerable.Range(0, 1 + random.Next(3)).Select(h => $"h{h}").ToArray();
            var facts = households.ToDictionary(h => h, h => random.Next(3) == 0 ? null : new HouseholdFactsMessage
            {
                AsOf = new LocalDate(2023, 1, 1), AnnualIncome = random.Next(0, 60_000), IncomeReferenceYear = 2022, Persons = 1 + random.Next(6),
            });
            var tariffs = catalog.Tariffs.Values.ToArray();
            var lines = Enumerable.Range(1, 1 + random.Next(8)).Select(n =>
            {
                var tariff = tariffs[random.Next(tariffs.Length)];
                var start = new LocalDate(2024, 1, 1).PlusDays(random.Next(500));
                return Messages.Line(n, households[random.Next(households.Length)], 1 + random.Next(6), new DateInterval(start, start.PlusDays(30 + random.Next(335))),
                    random.Next(1, 400), tariff.Unit, tariff.Code, 100m);
            }).ToArray();
            var chunkCount = 1 + random.Next(Math.Min(3, lines.Length));
            var size = (lines.Length + chunkCount - 1) / chunkCount;
            var chunks = lines.Chunk(size).Select((c, i) => (i * size, c)).ToList();
            var programs = catalog.Programs;
            var flags = Enumerable.Range(0, random.Next(5)).Select(i =>
            {
                var household = households[random.Next(households.Length)];
                var from = new LocalDate(2023, 9, 1).PlusDays(random.Next(800));
                return Messages.Flag($"f-{i}", household, programs[random.Next(programs.Count)].Id, from,
                    random.Next(2) == 0 ? null : from.PlusDays(30 + random.Next(500)), from.PlusDays(-random.Next(60)), facts[household]);
            }).ToList();
            var revocations = Enumerable.Range(0, random.Next(3)).Select(i =>
            {
                var program = programs[random.Next(programs.Count)];
                var effective = new LocalDate(2024, 1, 1).PlusDays(random.Next(700));
                return (Messages.Revocation($"r-{i}", households[random.Next(households.Length)], program.Id, effective, effective.PlusDays(-5)),
                    !program.ClawBack && random.Next(2) == 0);
            }).ToList();
            return new Scenario(json, chunks, flags, revocations);
        }

        /// <summary>
        /// A sample catalog's tariffs with 1–3 programs taken from any sample (ids renamed; a program of another catalog
        /// applied to every tariff, without social prices: <see cref="SetsAPrice"/>; first versions in force from 2020),
        /// random start policies and claw-back; its own programs only when the mix does not read.
        /// </summary>
        private static (string Json, ServiceCatalog Catalog) RandomCatalog(Random random)
        {
            var sample = SampleCatalogs[random.Next(SampleCatalogs.Length)];
            for (var attempt = 0; ; attempt++)
            {
                var document = sample.DeepClone().AsObject();
                document["authority"] = Header.Authority;
                document["service"] = Header.Service;
                var codes = document["tariffs"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).ToArray();
                var own = sample["programs"]!.AsArray().Select(p => p!.AsObject()).ToHashSet();
                var pool = attempt < 10 ? SamplePrograms.Where(p => own.Contains(p) || !p["rules"]!.AsArray().Any(r => SetsAPrice(r!))) : own;
                var programs = new JsonArray();
                foreach (var (sampled, p) in pool.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select((x, i) => (x, i)))
                {
                    var program = sampled.DeepClone().AsObject();
                    program["id"] = $"p{p}-{program["id"]}";
                    program["eligibilityStart"] = StartPolicies[random.Next(StartPolicies.Length)];
                    program["clawBack"] = random.Next(2) == 0;
                    foreach (var rule in program["rules"]!.AsArray())
                    {
                        rule!["id"] = $"p{p}-{rule["id"]}";
                        if (!own.Contains(sampled))
                            rule["tariffs"] = new JsonArray([.. codes.Select(c => (JsonNode)JsonValue.Create(c)!)]);
                        rule["versions"]![0]!["effectiveFrom"] = "2020-01-01";
                    }
                    programs.Add(program);
                }
                document["programs"] = programs;
                foreach (var tariff in document["tariffs"]!.AsArray())
                    tariff!["versions"]![0]!["effectiveFrom"] = "2020-01-01";
                var json = document.ToJsonString();
                if (CatalogDocumentReader.Read(json).Catalog is { } catalog)
                    return (json, catalog);
                if (attempt > 20)
                    throw new InvalidOperationException($"No readable catalog from {sample["authority"]}: {string.Join("; ", CatalogDocumentReader.Read(json).Errors)}");
            }
        }
    }
}
