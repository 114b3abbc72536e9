using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// The report a page at a time (<c>limit</c>, <c>continuation</c>, <c>Link: rel="next"</c>) on <see cref="ReportDataset"/>:
/// walking the pages finds exactly the cells of one whole page, in JSON, CSV and the regulator's view; each page has its
/// own ETag and 304. And a rebuild over HTTP gives the cells the incremental refresh gave.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed partial class EquityReportPagingTests(LocalHostFixture host)
{
    private const string Water = "api/reports/equity?service=water";

    [GeneratedRegex("<([^>]+)>; rel=\"next\"")]
    private static partial Regex NextLink();

    [Fact]
    public async Task Walking_the_json_pages_finds_exactly_the_cells_of_the_whole_report_in_key_order()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        var (whole, wholePages) = await WalkJsonAsync(host.Anonymous, Water + "&limit=10000");
        Assert.Single(wholePages);
        Assert.True(whole.Count > 7, $"the sample report has {whole.Count} water cells");
        Assert.Contains(whole, c => (string)c["authority"]! == ReportDataset.Authority && (string)c["period"]! == "2022" && (string)c["area"]! == "N");

        var (walked, pages) = await WalkJsonAsync(host.Anonymous, Water + "&limit=7");

        Assert.Equal(whole.Select(c => c.ToJsonString()), walked.Select(c => c.ToJsonString()));
        Assert.Equal((whole.Count + 6) / 7, pages.Count);
        Assert.All(pages[..^1], p => Assert.Equal(7, p));
        Assert.InRange(pages[^1], 1, 7);
    }

    [Fact]
    public async Task Walking_the_csv_pages_gives_the_rows_of_the_whole_file_each_page_with_its_header()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        var whole = await WalkCsvAsync(Water + "&format=csv");
        Assert.Single(whole);

        var pages = await WalkCsvAsync(Water + "&format=csv&limit=5");

        var header = whole[0][0];
        Assert.All(pages, p => Assert.Equal(header, p[0]));
        Assert.Equal(whole[0].Skip(1), pages.SelectMany(p => p.Skip(1)));
        Assert.Equal((whole[0].Count - 1 + 4) / 5, pages.Count);
    }

    [Fact]
    public async Task The_regulators_view_pages_alike()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);
        const string Unsuppressed = "api/reports/equity/unsuppressed?service=water&period=2022";

        var (whole, _) = await WalkJsonAsync(regulator, Unsuppressed);
        var (walked, pages) = await WalkJsonAsync(regulator, Unsuppressed + "&limit=2");

        Assert.Equal(whole.Select(c => c.ToJsonString()), walked.Select(c => c.ToJsonString()));
        Assert.Equal((whole.Count + 1) / 2, pages.Count);
        Assert.Equal(3, (int)ReportDataset.Cells(new JsonArray([.. walked.Select(c => c.DeepClone())]))[("2022", "S")]["householdsBilled"]!);
    }

    [Fact]
    public async Task Each_page_has_its_own_etag_and_answers_304_on_its_own()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        using var first = await host.Anonymous.GetAsync(Water + "&limit=3");
        var next = Next(first)!;
        using var second = await host.Anonymous.GetAsync(next);
        using var secondAgain = await SendAsync(next, first.Headers.ETag!);
        using var held = await SendAsync(next, second.Headers.ETag!);
        using var sameCellsAlone = await host.Anonymous.GetAsync(Water + "&limit=10000");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, secondAgain.StatusCode);   // page 1's ETag does not hold page 2
        Assert.Equal(HttpStatusCode.NotModified, held.StatusCode);
        Assert.NotEqual(first.Headers.ETag, sameCellsAlone.Headers.ETag);
        Assert.DoesNotContain("code=", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_over_http_gives_the_cells_of_the_incremental_refresh()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);
        const string Cells = "api/reports/equity/unsuppressed?service=water&limit=10000";
        await ReportDataset.RecomputeSettledAsync(host);
        var (incremental, _) = await WalkJsonAsync(regulator, Cells);

        using (var rebuild = await host.Authorised.PostAsync("api/reports/equity/recompute?mode=rebuild", null))
            Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        var (rebuilt, _) = await WalkJsonAsync(regulator, Cells);

        Assert.Contains(incremental, c => (string)c["authority"]! == ReportDataset.Authority);
        Assert.Equal(incremental.Select(WithoutComputedAt), rebuilt.Select(WithoutComputedAt));
    }

    /// <summary>Follows <c>rel="next"</c> from <paramref name="route"/>: every cell, and the size of each page.</summary>
    private static async Task<(List<JsonNode> Cells, List<int> Pages)> WalkJsonAsync(HttpClient client, string route)
    {
        var cells = new List<JsonNode>();
        var pages = new List<int>();
        for (string? next = route; next is not null && pages.Count < 1000;)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            cells.AddRange(page.Select(c => c!));
            pages.Add(page.Count);
            next = Next(response);
        }
        return (cells, pages);
    }

    /// <summary>Follows <c>rel="next"</c> from <paramref name="route"/>: the lines (CRLF-separated, the last empty dropped) of each CSV page.</summary>
    private async Task<List<List<string>>> WalkCsvAsync(string route)
    {
        var pages = new List<List<string>>();
        for (string? next = route; next is not null && pages.Count < 1000;)
        {
            using var response = await host.Anonymous.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n").ToList();
            Assert.Equal("", lines[^1]);
            pages.Add(lines[..^1]);
            next = Next(response);
        }
        return pages;
    }

    private Task<HttpResponseMessage> SendAsync(string route, EntityTagHeaderValue ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return host.Anonymous.SendAsync(request);
    }

    private static string? Next(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(", ", links)) is { Success: true } match
            ? match.Groups[1].Value
            : null;

    private static string WithoutComputedAt(JsonNode cell)
    {
        var copy = cell.DeepClone().AsObject();
        copy.Remove("computedAt");
        return copy.ToJsonString();
    }
}
