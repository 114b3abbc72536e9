using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Storage.Ledger;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// A known dataset for the report tests, under its own authority <see cref="Authority"/> with the sample Dunkerque
/// catalog: every line is a full 2022 year of 120 m³, so its standard bill is 80 × 0.89 + 40 × 1.66 = 137.60 € and a
/// CSS household gets −44.00 € (80 × (0.89 − 0.34)). Area N: 14 households, 4 of them CSS; area M: 12; area S: 3.
/// Household n01 also has a January 2023 line of 10 m³.
/// </summary>
public static class ReportDataset
{
    public const string Authority = "e2e-reports";
    private const string BatchId = "e2e-reports-2022";

    private static readonly Once Loaded = new();

    /// <summary>Publishes the catalog, the flags and the batch once, waits for the ledger, and recomputes the report.</summary>
    public static Task EnsureLoadedAsync(LocalHostFixture host) => Loaded.RunAsync(async () =>
    {
        using (var catalog = await host.Authorised.PutAsync("api/catalog", new StringContent(Samples.CatalogFor(Authority), Encoding.UTF8, "application/json")))
            Assert.True(catalog.IsSuccessStatusCode, await catalog.Content.ReadAsStringAsync());
        for (var i = 1; i <= 4; i++)
            await FlagAsync(host, $"e2e-reports-css-{i}", $"rep-n{i:D2}", "dunkerque-css");
        var lines = new JsonArray();
        foreach (var (area, count) in new[] { ("N", 14), ("M", 12), ("S", 3) })
            for (var i = 1; i <= count; i++)
                lines.Add(Line(lines.Count + 1, $"rep-{area.ToLowerInvariant()}{i:D2}", area, "2022-01-01", "2022-12-31", 120m));
        lines.Add(Line(lines.Count + 1, "rep-n01", "N", "2023-01-01", "2023-01-31", 10m));
        await StoreBatchAsync(host, BatchId, Authority, lines);
        await RecomputeSettledAsync(host);
    });

    /// <summary>Flags <paramref name="household"/> eligible for <paramref name="program"/> from 1 January 2022 (decided 15 December 2021).</summary>
    public static async Task FlagAsync(LocalHostFixture host, string flagId, string household, string program)
    {
        var flag = new JsonObject
        {
            ["flagId"] = flagId, ["householdId"] = household, ["program"] = program,
            ["window"] = new JsonObject { ["from"] = "2022-01-01" }, ["decisionDate"] = "2021-12-15",
            ["sourceAgency"] = "e2e", ["evidenceReference"] = $"e2e-{flagId}",
            ["facts"] = new JsonObject { ["asOf"] = "2021-12-15", ["persons"] = 2 },
        };
        using var response = await host.Authorised.PostAsync("api/eligibility", new StringContent(flag.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A water line of <paramref name="household"/> billed 137.60 €.</summary>
    public static JsonObject Line(int number, string household, string area, string from, string to, decimal quantity) => new()
    {
        ["lineNumber"] = number, ["householdId"] = household, ["accountId"] = "acc-" + household, ["area"] = area,
        ["mainResidence"] = true, ["persons"] = 2,
        ["period"] = new JsonObject { ["from"] = from, ["to"] = to },
        ["consumption"] = new JsonObject { ["quantity"] = quantity, ["unit"] = "m3" },
        ["tariffCode"] = "DOM", ["billedAmount"] = 137.60m,
    };

    /// <summary>Posts a water batch of <paramref name="lines"/> for <paramref name="authority"/> and waits until every line is in the ledger.</summary>
    public static async Task StoreBatchAsync(LocalHostFixture host, string batchId, string authority, JsonArray lines)
    {
        var count = lines.Count;
        var batch = new JsonObject
        {
            ["batchId"] = batchId, ["operator"] = "e2e", ["authority"] = authority, ["service"] = "water",
            ["currency"] = "EUR", ["createdAt"] = "2023-02-05T08:00:00Z", ["lines"] = lines,
        };
        using (var posted = await host.Authorised.PostAsync("api/batches", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await Eventually.ValueAsync(async () =>
        {
            var stored = 0;
            await foreach (var _ in new LedgerStore(host.Tables).ReadBatchAsync(batchId, CancellationToken.None))
                stored++;
            return stored;
        }, c => c == count, TimeSpan.FromSeconds(60), $"{count} ledger lines");
    }

    /// <summary>
    /// Recomputes once the rows just stored are settled: the local host releases no month with a row stored in the last
    /// 3 seconds (Tariffs:Reports:ReleaseSettle), so that a timer run never releases half a batch.
    /// </summary>
    public static async Task RecomputeSettledAsync(LocalHostFixture host)
    {
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        using var recompute = await host.Authorised.PostAsync("api/reports/equity/recompute", null);
        Assert.Equal(HttpStatusCode.OK, recompute.StatusCode);
    }

    /// <summary>The cells of <paramref name="authority"/> (the dataset's by default) in a report response, by period and area.</summary>
    public static Dictionary<(string Period, string Area), JsonNode> Cells(JsonArray report, string authority = Authority) =>
        report.Where(c => (string)c!["authority"]! == authority).ToDictionary(c => ((string)c!["period"]!, (string)c!["area"]!), c => c!);

    /// <summary>GETs a JSON array.</summary>
    public static async Task<JsonArray> GetArrayAsync(HttpClient client, string route) =>
        (await client.GetFromJsonAsync<JsonArray>(route))!;
}
