using System.Text.Json.Nodes;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Order independence through the running host (issue 13): random households with random grants of three programs
/// whose rules interact on one line (a social unit price from the quarter of the decision, an 18 % discount, an amount
/// cap and a per-person credit), delivered in four orders — flags before the batch, after it, racing it, and raced
/// against each other after it. Every line must end, rule by rule, with the sums the engine gives when every flag is
/// known first (computed here, in process, from the same catalog document).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class OrderIndependenceTests(LocalHostFixture host)
{
    private const string Authority = "order-independence";
    private const int HouseholdsPerOrder = 12;

    private static readonly string Catalog = new JsonObject
    {
        ["authority"] = Authority, ["service"] = "water", ["currency"] = "EUR", ["unit"] = "m3",
        ["tariffs"] = new JsonArray(new JsonObject
        {
            ["code"] = "DOM", ["name"] = "Domestic",
            ["versions"] = new JsonArray(
                new JsonObject { ["effectiveFrom"] = "2022-01-01", ["legalReference"] = "test tariff 2022", ["blocks"] = new JsonArray(new JsonObject { ["price"] = 1.00m }) },
                new JsonObject { ["effectiveFrom"] = "2022-07-01", ["legalReference"] = "test tariff July 2022", ["blocks"] = new JsonArray(new JsonObject { ["price"] = 1.20m }) }),
        }),
        ["programs"] = new JsonArray(
            Program("oi-social", "quarterOfDecision", new JsonObject { ["id"] = "oi-social-price", ["kind"] = "socialUnitPrice", ["tariffs"] = new JsonArray("DOM"),
                ["versions"] = new JsonArray(new JsonObject { ["effectiveFrom"] = "2022-01-01", ["legalReference"] = "test social price", ["price"] = 0.80m }) }),
            Program("oi-fera", "decisionDate", new JsonObject { ["id"] = "oi-discount", ["kind"] = "percentageDiscount", ["tariffs"] = new JsonArray("DOM"),
                ["versions"] = new JsonArray(new JsonObject { ["effectiveFrom"] = "2022-01-01", ["legalReference"] = "test discount", ["percent"] = 18, ["components"] = "all" }) }),
            Program("oi-support", "asGiven",
                new JsonObject { ["id"] = "oi-cap", ["kind"] = "amountCap", ["tariffs"] = new JsonArray("DOM"),
                    ["versions"] = new JsonArray(new JsonObject { ["effectiveFrom"] = "2022-01-01", ["legalReference"] = "test cap", ["cap"] = 300, ["basis"] = "year" }) },
                new JsonObject { ["id"] = "oi-credit", ["kind"] = "perPersonCredit", ["tariffs"] = new JsonArray("DOM"),
                    ["versions"] = new JsonArray(new JsonObject { ["effectiveFrom"] = "2022-01-01", ["legalReference"] = "test credit", ["amount"] = 40, ["fromPerson"] = 2, ["basis"] = "year" }) })),
    }.ToJsonString();

    private static readonly string[] Programs = ["oi-social", "oi-fera", "oi-support"];

    private static JsonObject Program(string id, string start, params JsonObject[] rules) => new()
    {
        ["id"] = id, ["name"] = id, ["eligibilityStart"] = start, ["clawBack"] = false, ["rules"] = new JsonArray(rules),
    };

    [Fact]
    public async Task Every_arrival_order_ends_each_line_with_the_sums_of_flags_first()
    {
        await host.PublishCatalogAsync(Catalog);
        var catalog = CatalogDocumentReader.Read(Catalog).Catalog!;
        var random = new Random(20261206);
        var cases = new List<(JsonObject Line, List<JsonObject> Flags, string BatchId)>();

        foreach (var order in new[] { "flags-first", "batch-first", "racing", "flags-raced" })
        {
            var batchId = $"oi-{order}";
            var lines = new List<JsonObject>();
            var flagsOfBatch = new List<JsonObject>();
            for (var h = 1; h <= HouseholdsPerOrder; h++)
            {
                var household = $"oi-{order}-{h}";
                var from = new LocalDate(2022, 1, 1).PlusDays(random.Next(0, 120));
                var line = Pipeline.Line(h, household, random.Next(100, 700), from.ToString("yyyy-MM-dd", null), "2022-12-31");
                line["persons"] = random.Next(1, 6);
                var flags = Programs.Where(_ => random.Next(3) > 0).OrderBy(_ => random.Next()).Select(program =>
                {
                    var start = new LocalDate(2022, 1, 1).PlusDays(random.Next(0, 200));
                    var flag = Pipeline.Flag($"{household}-{program}", household, program, start.ToString("yyyy-MM-dd", null));
                    flag["decisionDate"] = start.PlusDays(random.Next(-60, 60)).ToString("yyyy-MM-dd", null);
                    return flag;
                }).ToList();
                lines.Add(line);
                flagsOfBatch.AddRange(flags);
                cases.Add((line, flags, batchId));
            }
            var batch = Pipeline.Batch(batchId, Authority, lines).ToJsonString();
            switch (order)
            {
                case "flags-first":
                    foreach (var flag in flagsOfBatch)
                        await host.PostEligibilityAsync(flag);
                    await host.PostBatchAsync(batch);
                    break;
                case "batch-first":
                    await host.PostBatchAsync(batch);
                    await Eventually.ValueAsync(() => host.LedgerAsync(batchId), e => e.Count == HouseholdsPerOrder, Pipeline.Patience, $"{batchId} priced");
                    foreach (var flag in flagsOfBatch)
                        await host.PostEligibilityAsync(flag);
                    break;
                case "racing":
                    await Task.WhenAll(flagsOfBatch.Select(f => host.PostEligibilityAsync(f)).Append(host.PostBatchAsync(batch)));
                    break;
                default:
                    await host.PostBatchAsync(batch);
                    await Eventually.ValueAsync(() => host.LedgerAsync(batchId), e => e.Count == HouseholdsPerOrder, Pipeline.Patience, $"{batchId} priced");
                    await Task.WhenAll(flagsOfBatch.Select(f => host.PostEligibilityAsync(f)));
                    break;
            }
        }

        await host.WaitUntilIdleAsync(TimeSpan.FromMinutes(3));
        foreach (var (line, flags, batchId) in cases)
        {
            var expected = Expected(catalog, line, flags);
            var ledger = await host.LedgerAsync(batchId);
            var entry = Assert.Single(ledger, e => e.HouseholdId == (string)line["householdId"]!);
            var actual = entry.Items.GroupBy(a => a.RuleId).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountMinor))
                .Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}");
            Assert.True(expected.SequenceEqual(actual),
                $"{batchId} {line["householdId"]}: expected [{string.Join(", ", expected)}], ledger [{string.Join(", ", actual)}]; flags {string.Join("; ", flags.Select(f => f.ToJsonString()))}");
        }
    }

    /// <summary>Each rule's amount in minor units when every flag is known before the line is priced.</summary>
    private static List<string> Expected(ServiceCatalog catalog, JsonObject line, List<JsonObject> flags)
    {
        var billing = new BillingLine((int)line["lineNumber"]!, (string)line["householdId"]!, "", (string)line["area"]!, true, (int)line["persons"]!,
            new DateInterval(LocalDate.FromDateTime(DateTime.Parse((string)line["period"]!["from"]!, null)), LocalDate.FromDateTime(DateTime.Parse((string)line["period"]!["to"]!, null))),
            (decimal)line["consumption"]!["quantity"]!, "m3", "DOM", 0m);
        var windows = flags.Select(f => new EligibilityWindow((string)f["program"]!,
            new DateInterval(LocalDate.FromDateTime(DateTime.Parse((string)f["window"]!["from"]!, null)), DateIntervals.OpenEnd),
            LocalDate.FromDateTime(DateTime.Parse((string)f["decisionDate"]!, null)), (string)f["flagId"]!)).ToList();
        var outcome = TariffEngine.Price(billing, catalog, windows);
        return outcome.Adjustments.Where(a => a.Amount != 0m).OrderBy(a => a.RuleId, StringComparer.Ordinal)
            .Select(a => $"{a.RuleId} {(long)(a.Amount * 100)}").ToList();
    }
}
