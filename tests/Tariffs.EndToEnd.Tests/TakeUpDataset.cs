using System.Text;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// A known dataset for take-up against the target, under its own authority <see cref="Authority"/>: the sample
/// Dunkerque catalog (its area names and its 80% take-up target from 1 January 2022) with its own program, plus a
/// tariff <c>DOM-B</c>, a copy of <c>DOM</c> that the social rule does not cover. Every household is eligible; every
/// line is a full 2022 year of 120 m³. Malo-les-Bains (59183-A): 11 households billed under DOM, all 11 helped (take-up
/// 100%, the target reached). Rosendaël (59183-B): 11 households billed under DOM-B, none helped (0%, 80 points below).
/// Together 11 of 22 (50%, 30 points below). Every group is of k = 11 or more, so every take-up is published.
/// </summary>
public static class TakeUpDataset
{
    public const string Authority = "e2e-takeup";
    private const string Program = "e2e-takeup-css";

    private static readonly Once Loaded = new();

    /// <summary>Publishes the catalog, the flags and the batch once, waits for the ledger, and recomputes the report.</summary>
    public static Task EnsureLoadedAsync(LocalHostFixture host) => Loaded.RunAsync(async () =>
    {
        var catalog = JsonNode.Parse(Samples.CatalogFor(Authority, Program))!;
        var uncovered = catalog["tariffs"]![0]!.DeepClone();
        uncovered["code"] = "DOM-B";
        catalog["tariffs"]!.AsArray().Add(uncovered);
        using (var published = await host.Authorised.PutAsync("api/catalog", new StringContent(catalog.ToJsonString(), Encoding.UTF8, "application/json")))
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        var lines = new JsonArray();
        foreach (var (area, tariff) in new[] { ("59183-A", "DOM"), ("59183-B", "DOM-B") })
            for (var i = 1; i <= 11; i++)
            {
                var household = $"tu-{area[^1..].ToLowerInvariant()}{i:D2}";
                await ReportDataset.FlagAsync(host, $"{Program}-{household}", household, Program);
                var line = ReportDataset.Line(lines.Count + 1, household, area, "2022-01-01", "2022-12-31", 120m);
                line["tariffCode"] = tariff;
                lines.Add(line);
            }
        await ReportDataset.StoreBatchAsync(host, "e2e-takeup-2022", Authority, lines);
        await ReportDataset.RecomputeSettledAsync(host);
    });
}
