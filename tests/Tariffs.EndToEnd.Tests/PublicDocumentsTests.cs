using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tariffs.EndToEnd.Tests;

/// <summary>The OpenAPI document covers every HTTP function the host maps; the dashboard is self-contained and public.</summary>
[Collection(LocalHostCollection.Name)]
public sealed partial class PublicDocumentsTests(LocalHostFixture host)
{
    [GeneratedRegex(@"HTTP function (?<name>\w+): \[(?<methods>[A-Z,]+)\] (?<pattern>\S+)")]
    private static partial Regex MappedRoute();

    [Fact]
    public async Task OpenApi_document_is_version_3_and_lists_every_route_the_host_maps()
    {
        var document = JsonNode.Parse(await host.Anonymous.GetStringAsync("api/openapi.json"))!;
        var mapped = MappedRoute().Matches(host.Log()).Select(m => (m.Groups["methods"].Value, m.Groups["pattern"].Value)).Distinct().ToList();

        Assert.StartsWith("3.", (string)document["openapi"]!);
        Assert.True(mapped.Count >= 9, $"only {mapped.Count} routes found in the host's log");
        foreach (var (methods, pattern) in mapped)
        {
            var path = document["paths"]![pattern["/api".Length..]];
            Assert.True(path is not null, $"{pattern} is not in openapi.json");
            foreach (var method in methods.Split(','))
                Assert.True(path![method.ToLowerInvariant()] is not null, $"{method} {pattern} is not in openapi.json");
        }
    }

    [Fact]
    public async Task Dashboard_is_one_html_page_that_loads_nothing_from_elsewhere_and_names_no_household()
    {
        await ReportDataset.EnsureLoadedAsync(host);

        using var response = await host.Anonymous.GetAsync("api/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", html);
        Assert.Contains(ReportDataset.Authority, html);
        Assert.DoesNotContain("rep-n01", html);
        Assert.DoesNotContain("\"householdsBilled\":3,", html); // area S stays hidden
    }

    [GeneratedRegex(@"<script id=""report-data"" type=""application/json"">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex EmbeddedReport();

    [Fact]
    public async Task The_dashboards_embedded_data_is_the_public_report_and_a_hidden_cell_carries_no_figure()
    {
        await ReportDataset.EnsureLoadedAsync(host);

        var html = await host.Anonymous.GetStringAsync("api/dashboard?service=water");
        var embedded = JsonNode.Parse(EmbeddedReport().Match(html).Groups["json"].Value)!.AsArray();
        var published = await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?service=water");

        // Same cells, same figures (computedAt aside: a timer run may recompute between the two requests).
        static string Figures(JsonNode? cell)
        {
            var copy = cell!.DeepClone().AsObject();
            copy.Remove("computedAt");
            return copy.ToJsonString();
        }
        Assert.Equal(published.Select(Figures).Order(StringComparer.Ordinal), embedded.Select(Figures).Order(StringComparer.Ordinal));
        // Area S of ReportDataset (3 households) is hidden: its cell says so and nothing else.
        var hidden = ReportDataset.Cells(embedded)[("2022", "S")]!.AsObject();
        Assert.True((bool)hidden["suppressed"]!);
        Assert.All(new[] { "householdsBilled", "billedTotal", "socialAdjustmentsTotal", "averageBillBefore", "overchargeFindings", "suppression" },
            field => Assert.Null(hidden[field]));
    }

    [Theory]
    [InlineData(null, "fr-BE,fr;q=0.9,en;q=0.5", "fr")]
    [InlineData(null, "en-GB,fr;q=0.5", "en")]
    [InlineData(null, null, "en")]
    [InlineData("fr", "en-GB", "fr")]
    [InlineData("en", "fr-FR", "en")]
    public async Task Dashboard_speaks_the_language_of_lang_then_of_accept_language_then_english(string? lang, string? acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, lang is null ? "api/dashboard" : $"api/dashboard?lang={lang}");
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await host.Anonymous.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{expected}\">", html);
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains(expected == "fr" ? "Données ouvertes" : "Open data", html);
    }
}
