using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Cli;
using Tariffs.Storage.Export;
using Xunit.Abstractions;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Reversibility and independent audit, on the samples: a deployment that priced the Dunkerque batch, with half the
/// CSS grants before it and half after (so the ledger holds corrections), is exported; the export imported into a
/// fresh Azurite serves the same report and the same explanation for every household; the export audits clean from
/// its files alone; an amount changed in the export (manifest rewritten to match) is named by the audit.
/// </summary>
[Collection(ProofCollection.Name)]
public sealed partial class ExportAuditTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "tariffs-e2e-export-" + Guid.NewGuid().ToString("N")[..8]);
    private ProofSystem source = null!;
    private ProofSystem target = null!;

    public async Task InitializeAsync()
    {
        source = await ProofSystem.StartAsync(1);
        target = await ProofSystem.StartAsync(1);
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
    }

    private static async Task<string> GetAsync(ITariffsService service, string route)
    {
        using var response = await service.SendAsync(HttpMethod.Get, route);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(bool Clean, string Output)> AuditAsync(string folder)
    {
        using var output = new StringWriter();
        var clean = await ExportAudit.RunAsync(folder, output, CancellationToken.None);
        return (clean, output.ToString());
    }

    [Fact]
    public async Task An_export_imports_into_a_fresh_account_serving_the_same_figures_and_audits_clean_until_an_amount_is_changed()
    {
        var flags = Samples.Flags;
        var households = JsonNode.Parse(Samples.Batch)!["lines"]!.AsArray().Select(l => (string)l!["householdId"]!).Distinct().ToList();
        await source.PublishCatalogAsync(Samples.Catalog);
        foreach (var flag in flags.Take(flags.Count / 2))
            await source.PostEligibilityAsync(flag!.DeepClone());
        await source.PostBatchAsync(Samples.Batch);
        await source.WaitUntilIdleAsync();
        foreach (var flag in flags.Skip(flags.Count / 2))
            await source.PostEligibilityAsync(flag!.DeepClone());
        await source.WaitUntilIdleAsync();
        (await source.SendAsync(HttpMethod.Post, "api/reports/equity/recompute")).Dispose();

        var folder = Path.Combine(work, "export");
        var manifest = await new StorageExporter(new TableServiceClient(source.ConnectionString), new BlobServiceClient(source.ConnectionString), new QueueServiceClient(source.ConnectionString))
            .ExportAsync(folder, null, CancellationToken.None);
        await new StorageImporter(new TableServiceClient(target.ConnectionString), new BlobServiceClient(target.ConnectionString))
            .ImportAsync(folder, null, CancellationToken.None);

        Assert.Empty(manifest.PendingMessages);
        var report = await GetAsync(source, "api/reports/equity/unsuppressed");
        Assert.Contains("\"householdsBilled\":30", report, StringComparison.Ordinal);
        Assert.Equal(report, await GetAsync(target, "api/reports/equity/unsuppressed"));
        Assert.Equal(30, households.Count);
        foreach (var household in households)
            Assert.Equal(await GetAsync(source, $"api/households/{household}/explanation"), await GetAsync(target, $"api/households/{household}/explanation"));

        var (clean, output) = await AuditAsync(folder);
        Assert.True(clean, output);
        Assert.Contains("audited 30 lines", output, StringComparison.Ordinal);
        Assert.Contains(": 0 differences,", output, StringComparison.Ordinal);

        // A reform tried on the export: the CSS price of the first 80 m³ from 0.34 to 0.24 gains each CSS household 0.10 a m³ of it.
        var draft = Path.Combine(work, "draft.json");
        await File.WriteAllTextAsync(draft, Samples.Catalog.Replace("\"blockPrices\": [0.34, null]", "\"blockPrices\": [0.24, null]", StringComparison.Ordinal));
        var css = flags.Select(f => (string)f!["householdId"]!).ToHashSet();
        var gain = JsonNode.Parse(Samples.Batch)!["lines"]!.AsArray().Where(l => css.Contains((string)l!["householdId"]!)).Sum(l => 0.10m * Math.Min((decimal)l!["consumption"]!["quantity"]!, 80m));
        var diff = Path.Combine(work, "households.csv");
        using (var simulated = new StringWriter())
        {
            Assert.True(await ExportSimulation.RunAsync(folder, draft, new NodaTime.LocalDate(2022, 1, 1), new NodaTime.LocalDate(2022, 12, 31), diff, simulated, CancellationToken.None), simulated.ToString());
            log.WriteLine(simulated.ToString());
            Assert.Contains("dunkerque/water: 30 lines from 2022-01-01 to 2022-12-31", simulated.ToString(), StringComparison.Ordinal);
            Assert.Matches($@"2022  \*\s+30\s+233\.75 EUR\s+{233.75m + gain:0.00}\s+\+{gain:0.00}", simulated.ToString());
        }
        var changes = File.ReadAllLines(diff).Skip(1).Select(l => l.Split(',')).Where(c => c[1] == "*").ToList();
        Assert.Equal(30, changes.Count);
        Assert.Equal(-gain, changes.Sum(c => decimal.Parse(c[5], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(css.Count, changes.Count(c => c[5].StartsWith('-')));

        // An insider lowers one household's discount and rewrites the manifest to match: the checksums agree, the rules do not.
        var (row, amount) = await TamperAsync(folder, manifest, _ => true, +100);

        (clean, output) = await AuditAsync(folder);
        Assert.False(clean, output);
        Assert.Contains(": 1 differences,", output, StringComparison.Ordinal);
        var stored = (amount + 100) / 100m;
        Assert.Contains($"difference: dunkerque/water batch {(string)row["BatchId"]!} line {(int)row["LineNumber"]!} household {(string)row["HouseholdId"]!} rule {(string)row["RuleId"]!}: stored {stored:0.00} EUR, recomputed {amount / 100m:0.00} EUR",
            output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Eligibility determined from facts, no flag anywhere (the chèque énergie catalog's criteria,
    /// samples/catalogs/cheque-energie-criteria.json): one household's facts before billing (98.00 € paid on its line),
    /// one's after (a correction of 98.00 €), one above the income ceiling (nothing). The audit reads the export's
    /// <c>householdfacts</c> and determines as pricing does: zero differences and nothing withheld — read with the flags
    /// alone, both payments would be listed; then one changed amount is named.
    /// </summary>
    [Fact]
    public async Task An_export_whose_eligibility_comes_from_facts_audits_clean_until_an_amount_is_changed()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(Tariffs.Testing.RepositoryRoot.Find(), "samples", "catalogs", "cheque-energie-criteria.json")))!;
        var authority = (string)catalog["authority"]!;
        await source.PublishCatalogAsync(catalog.ToJsonString());
        await PostFactsAsync("facts-early", "hh-early", 7000m);
        await PostFactsAsync("facts-rich", "hh-rich", 90000m);
        await source.WaitUntilIdleAsync();
        await source.PostBatchAsync(new JsonObject
        {
            ["batchId"] = "facts-batch", ["operator"] = "op", ["authority"] = authority, ["service"] = "electricity", ["currency"] = "EUR", ["createdAt"] = "2025-01-05T08:00:00Z",
            ["lines"] = new JsonArray(FactsLine(1, "hh-early"), FactsLine(2, "hh-late"), FactsLine(3, "hh-rich")),
        }.ToJsonString());
        await Eventually.ValueAsync(() => source.LedgerAsync("facts-batch"), e => e.Count == 3, Pipeline.Patience, "3 lines priced");
        await PostFactsAsync("facts-late", "hh-late", 7000m);
        await source.WaitUntilIdleAsync();
        var ledger = await source.LedgerAsync("facts-batch");
        Assert.Equal([9_800L, 9_800L, 0L], ledger.Select(l => l.Items.Sum(i => i.AmountMinor)));

        var folder = Path.Combine(work, "facts-export");
        var manifest = await new StorageExporter(new TableServiceClient(source.ConnectionString), new BlobServiceClient(source.ConnectionString), new QueueServiceClient(source.ConnectionString))
            .ExportAsync(folder, null, CancellationToken.None);
        Assert.Equal(0, manifest.Files.Single(f => f.Path == "tables/eligibility.jsonl").Rows);
        Assert.Equal(7, manifest.Files.Single(f => f.Path == "tables/householdfacts.jsonl").Rows); // 3 statements, 3 id claims, the change marker

        var (clean, output) = await AuditAsync(folder);
        Assert.True(clean, output);
        Assert.Contains("audited 3 lines (2 stored items): 0 differences, 0 withheld on purpose (no claw-back), 0 not audited", output, StringComparison.Ordinal);

        // The offline simulation determines from the facts too: a draft lowering the income ceiling from 10,800 to 6,000 €
        // per unit takes the 98.00 € from both households of 7,000 €.
        var draft = Path.Combine(work, "facts-draft.json");
        var lowered = catalog.ToJsonString().Replace("\"threshold\":10800", "\"threshold\":6000", StringComparison.Ordinal);
        Assert.NotEqual(catalog.ToJsonString(), lowered);
        await File.WriteAllTextAsync(draft, lowered);
        var diff = Path.Combine(work, "facts-households.csv");
        using (var simulated = new StringWriter())
            Assert.True(await ExportSimulation.RunAsync(folder, draft, new NodaTime.LocalDate(2024, 1, 1), new NodaTime.LocalDate(2024, 12, 31), diff, simulated, CancellationToken.None), simulated.ToString());
        var social = File.ReadAllLines(diff).Skip(1).Select(l => l.Split(',')).Where(c => c[1] == "*").ToDictionary(c => c[2], c => (c[6], c[7]));
        Assert.Equal(("98.00", "0.00"), social["hh-early"]);
        Assert.Equal(("98.00", "0.00"), social["hh-late"]);
        Assert.Equal(("0.00", "0.00"), social["hh-rich"]);

        // 1.00 less paid to the household than the rules give (an amount in its favour would read as withheld: no claw-back).
        var (row, amount) = await TamperAsync(folder, manifest, l => l.Contains("\"HouseholdId\":\"hh-early\"", StringComparison.Ordinal), -100);
        Assert.Equal(9_800L, amount);

        (clean, output) = await AuditAsync(folder);
        Assert.False(clean, output);
        Assert.Contains(": 1 differences, 0 withheld", output, StringComparison.Ordinal);
        Assert.Contains($"difference: {authority}/electricity batch facts-batch line 1 household hh-early rule {(string)row["RuleId"]!}: stored 97.00 EUR, recomputed 98.00 EUR", output, StringComparison.Ordinal);
    }

    private async Task PostFactsAsync(string factsId, string household, decimal income)
    {
        using var response = await source.SendAsync(HttpMethod.Post, $"api/households/{household}/facts", new JsonObject
        {
            ["factsId"] = factsId, ["householdId"] = household, ["asOf"] = "2024-01-01", ["sourceAgency"] = "test agency",
            ["evidenceReference"] = "avis d'imposition 2023", ["annualIncome"] = income, ["incomeReferenceYear"] = 2022, ["persons"] = 1, ["mainResidence"] = true,
        }.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject FactsLine(int number, string household) => new()
    {
        ["lineNumber"] = number, ["householdId"] = household, ["area"] = "A", ["persons"] = 1,
        ["period"] = new JsonObject { ["from"] = "2024-01-01", ["to"] = "2024-12-31" },
        ["consumption"] = new JsonObject { ["quantity"] = 1000, ["unit"] = "kWh" },
        ["tariffCode"] = "BASE", ["billedAmount"] = 250.00m,
    };

    /// <summary>
    /// An insider's change: adds <paramref name="delta"/> minor units to the first adjustment row of the export's ledger
    /// that <paramref name="pick"/> accepts, and rewrites the manifest to match so the checksums agree; returns the row and
    /// its amount (minor units) as they were.
    /// </summary>
    private static async Task<(JsonNode Row, long Amount)> TamperAsync(string folder, ExportManifest manifest, Func<string, bool> pick, long delta)
    {
        var ledger = Path.Combine(folder, "tables", "ledger.jsonl");
        var lines = await File.ReadAllLinesAsync(ledger);
        var tampered = Array.FindIndex(lines, l => l.Contains("\"Kind\":\"adjustment\"", StringComparison.Ordinal) && AmountMinor().IsMatch(l) && pick(l));
        Assert.True(tampered >= 0, "no adjustment row in the export");
        var amount = long.Parse(AmountMinor().Match(lines[tampered]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var row = JsonNode.Parse(lines[tampered])!;
        lines[tampered] = AmountMinor().Replace(lines[tampered], $"\"AmountMinor\":\"{amount + delta}\"");
        await File.WriteAllTextAsync(ledger, string.Join('\n', lines) + "\n");
        var (bytes, sha256, _) = await ExportManifest.MeasureAsync(ledger, CancellationToken.None);
        await (manifest with { Files = [.. manifest.Files.Select(f => f.Path == "tables/ledger.jsonl" ? f with { Bytes = bytes, Sha256 = sha256 } : f)] })
            .WriteAsync(folder, CancellationToken.None);
        return (row, amount);
    }

    [GeneratedRegex("\"AmountMinor\":\"(-?[0-9]+)\"")]
    private static partial Regex AmountMinor();
}
