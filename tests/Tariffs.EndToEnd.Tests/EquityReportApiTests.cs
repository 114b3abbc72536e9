using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// The equity report over HTTP on <see cref="ReportDataset"/>: values computed by hand, suppression, periods, CSV.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class EquityReportApiTests(LocalHostFixture host)
{
    [Fact]
    public async Task Year_cells_match_the_hand_computed_values_and_small_areas_are_suppressed()
    {
        await ReportDataset.EnsureLoadedAsync(host);

        var cells = ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?period=2022&service=water"));

        var n = cells[("2022", "N")];
        Assert.False((bool)n["suppressed"]!);
        Assert.Equal("year", (string)n["periodKind"]!);
        Assert.Equal(14, (int)n["householdsBilled"]!);
        // 4 eligible (and 10 not) of 14: groups under k = 11, withheld with the take-up rate built on them.
        Assert.Null(n["householdsEligible"]);
        Assert.Null(n["householdsReceived"]);
        Assert.Null(n["takeUpRate"]);
        Assert.Equal(1926.40m, (decimal)n["standardTotal"]!); // 14 × 137.60
        Assert.Equal(-176.00m, (decimal)n["socialAdjustmentsTotal"]!); // 4 × −44.00
        Assert.Equal(137.60m, (decimal)n["averageBillBefore"]!);
        Assert.Equal(125.03m, (decimal)n["averageBillAfter"]!); // 1,750.40 ÷ 14 = 125.028…
        Assert.Equal(1680m, (decimal)n["quantityBilled"]!); // 14 × 120 m³
        Assert.Equal(0.1048m, (decimal)n["p109SocialCostPerM3"]!); // 176.00 ÷ 1,680 = 0.10476…
        Assert.Equal(0m, (decimal)n["compensationTotal"]!);
        Assert.Null(n["affordabilityShareBefore"]);
        Assert.Equal(137.60m, (decimal)n["d102PriceOf120M3"]!); // 80 × 0.89 + 40 × 1.66 at the version of 1 January 2022

        var total = cells[("2022", "*")];
        Assert.Equal(29, (int)total["householdsBilled"]!);
        Assert.Equal(3990.40m, (decimal)total["standardTotal"]!); // 29 × 137.60
        Assert.Equal(137.60m, (decimal)total["d102PriceOf120M3"]!);

        // S has 3 households (primary); M is hidden too, or S = total − N − M.
        foreach (var area in new[] { "S", "M" })
        {
            Assert.True((bool)cells[("2022", area)]["suppressed"]!);
            Assert.Null(cells[("2022", area)]["householdsBilled"]);
            Assert.Null(cells[("2022", area)]["standardTotal"]);
            Assert.Null(cells[("2022", area)]["d102PriceOf120M3"]);
            Assert.Null(cells[("2022", area)]["suppression"]);
        }
    }

    [Fact]
    public async Task A_line_counts_in_the_month_and_quarter_of_its_last_day_and_a_lone_household_is_hidden_everywhere()
    {
        await ReportDataset.EnsureLoadedAsync(host);

        var december = ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?period=2022-12&service=water&area=N"));
        var quarter = ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?period=2022-Q4&service=water&area=N"));
        var january = ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?period=2023-01&service=water"));
        var june = ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?period=2022-06&service=water"));

        Assert.Equal(14, (int)december[("2022-12", "N")]["householdsBilled"]!);
        Assert.Null(december[("2022-12", "N")]["d102PriceOf120M3"]); // a month: D102.0 is a yearly indicator
        Assert.Equal("month", (string)december[("2022-12", "N")]["periodKind"]!);
        Assert.Equal(-176.00m, (decimal)quarter[("2022-Q4", "N")]["socialAdjustmentsTotal"]!);
        Assert.Empty(june); // every 2022 line ends on 31 December
        Assert.True((bool)january[("2023-01", "N")]["suppressed"]!);
        Assert.True((bool)january[("2023-01", "*")]["suppressed"]!);
    }

    [Fact]
    public async Task Csv_is_rfc_4180_with_stable_column_names_by_query_or_accept_header()
    {
        await ReportDataset.EnsureLoadedAsync(host);

        using var byQuery = await host.Anonymous.GetAsync("api/reports/equity?period=2022&service=water&area=N&format=csv");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/reports/equity?period=2022&service=water&area=N");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var byAccept = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal("text/csv", byQuery.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", byQuery.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("equity-report-water-2022-N.csv", byQuery.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        // Licence, data dictionary, source and update time travel with every download.
        var links = string.Join(", ", byQuery.Headers.GetValues("Link"));
        Assert.Contains("<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel=\"license\"; title=\"Licence Ouverte / Etalab 2.0\"", links);
        Assert.Contains("</api/reports/equity/schema.json>; rel=\"describedby\"", links);
        Assert.StartsWith("Tariffs equity report", byQuery.Headers.GetValues("X-Source").Single());
        Assert.NotNull(byQuery.Content.Headers.LastModified);
        var text = await byQuery.Content.ReadAsStringAsync();
        Assert.Equal(text, await byAccept.Content.ReadAsStringAsync());
        var lines = text.Split("\r\n");
        Assert.Equal(
            "period,periodKind,service,authority,area,currency,unit,suppressed,provisional,householdsBilled,householdsEligible,householdsReceived,"
            + "takeUpRate,householdsDetermined,householdsFlagged,householdsDeterminedNotReceived,billedTotal,standardTotal,socialAdjustmentsTotal,paymentsTotal,compensationTotal,averageBillBefore,averageBillAfter,"
            + "quantityBilled,p109SocialCostPerM3,d102PriceOf120M3,householdsWithKnownIncome,affordabilityShareBefore,affordabilityShareAfter,"
            + "overchargeFindings,overchargeTotal,blockedRestrictions,suppression,computedAt",
            lines[0]);
        var row = lines.Single(l => l.Contains($",{ReportDataset.Authority},", StringComparison.Ordinal)).Split(',');
        var header = lines[0].Split(',');
        string Column(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal("2022", Column("period"));
        Assert.Equal("14", Column("householdsBilled"));
        Assert.Equal("1926.40", Column("standardTotal"));
        Assert.Equal("-176.00", Column("socialAdjustmentsTotal"));
        Assert.Equal("0.1048", Column("p109SocialCostPerM3"));
        Assert.Equal("137.60", Column("d102PriceOf120M3"));
        Assert.Equal("", lines[^1]); // every record ends with CRLF
    }

    [Fact]
    public async Task The_data_dictionary_beside_the_csv_describes_its_columns_in_both_languages_with_its_licence()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        var csv = await host.Anonymous.GetStringAsync("api/reports/equity?format=csv");
        using var json = await host.Anonymous.GetAsync("api/reports/equity");

        var schema = JsonNode.Parse(await host.Anonymous.GetStringAsync("api/reports/equity/schema.json"))!;

        var fields = schema["fields"]!.AsArray();
        Assert.Equal(csv[..csv.IndexOf("\r\n", StringComparison.Ordinal)], string.Join(',', fields.Select(f => (string)f!["name"]!)));
        var billed = fields.Single(f => (string)f!["name"]! == "householdsBilled")!;
        Assert.Equal("integer", (string)billed["type"]!);
        Assert.Equal("distinct households with a priced line", (string)billed["descriptions"]!["en"]!);
        Assert.Equal("ménages distincts ayant au moins une ligne tarifée", (string)billed["descriptions"]!["fr"]!);
        Assert.Equal("Licence Ouverte / Etalab 2.0", (string)schema["licenses"]![0]!["title"]!);
        Assert.Contains("rel=\"license\"", string.Join(", ", json.Headers.GetValues("Link")));
        Assert.Null(json.Content.Headers.ContentDisposition); // JSON stays inline
    }

    [Fact]
    public async Task A_bad_period_or_format_is_refused()
    {
        using var period = await host.Anonymous.GetAsync("api/reports/equity?period=2022-13");
        using var format = await host.Anonymous.GetAsync("api/reports/equity?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, period.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
    }

    [Fact]
    public async Task A_portal_that_holds_the_report_gets_304_by_etag_or_date_and_each_format_has_its_own_etag()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        const string Json = "api/reports/equity?period=2022&service=water&area=N";
        async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? conditions = null, HttpClient? client = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            conditions?.Invoke(request);
            return await (client ?? host.Anonymous).SendAsync(request);
        }

        using var first = await GetAsync(Json);
        var etag = first.Headers.ETag!;
        using var again = await GetAsync(Json, r => r.Headers.IfNoneMatch.Add(etag));
        using var other = await GetAsync(Json, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-one\"")));
        using var byDate = await GetAsync(Json, r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified);
        using var beforeDate = await GetAsync(Json, r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified!.Value.AddSeconds(-1));
        using var csv = await GetAsync(Json + "&format=csv");
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);
        using var unsuppressed = await GetAsync("api/reports/equity/unsuppressed?period=2022&service=water&area=N", client: regulator);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Equal((true, TimeSpan.FromMinutes(5)), (first.Headers.CacheControl!.Public, first.Headers.CacheControl.MaxAge));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.NotEqual(etag, csv.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, unsuppressed.StatusCode);
        Assert.Equal((true, true, false), (unsuppressed.Headers.CacheControl!.Private, unsuppressed.Headers.CacheControl.NoCache, unsuppressed.Headers.CacheControl.Public));
    }

    [Fact]
    public async Task The_regulator_sees_suppressed_figures_with_their_reason()
    {
        await ReportDataset.EnsureLoadedAsync(host);
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);

        var cells = ReportDataset.Cells(await ReportDataset.GetArrayAsync(regulator, "api/reports/equity/unsuppressed?period=2022&service=water"));

        Assert.Equal(3, (int)cells[("2022", "S")]["householdsBilled"]!);
        Assert.Equal("TooFewHouseholds", (string)cells[("2022", "S")]["suppression"]!);
        Assert.Equal("Complementary", (string)cells[("2022", "M")]["suppression"]!);
        Assert.Equal("None", (string)cells[("2022", "N")]["suppression"]!);
        Assert.Equal(4, (int)cells[("2022", "N")]["householdsEligible"]!);
        Assert.Equal(4, (int)cells[("2022", "N")]["householdsReceived"]!);
        Assert.Equal(1.0, (double)cells[("2022", "N")]["takeUpRate"]!);
    }

    [Fact]
    public async Task A_running_period_is_not_public_and_a_released_cell_does_not_move_after_a_late_line()
    {
        const string authority = "e2e-release";
        using (var catalog = await host.Authorised.PutAsync("api/catalog", new StringContent(Samples.CatalogFor(authority), Encoding.UTF8, "application/json")))
            Assert.True(catalog.IsSuccessStatusCode, await catalog.Content.ReadAsStringAsync());
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);
        var today = DateTime.UtcNow.Date;
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var lines = new JsonArray();
        for (var i = 1; i <= 12; i++)
            lines.Add(ReportDataset.Line(lines.Count + 1, $"rel-{i:D2}", "R", "2022-01-01", "2022-12-31", 120m));
        for (var i = 1; i <= 12; i++)
            lines.Add(ReportDataset.Line(lines.Count + 1, $"rel-{i:D2}", "R", today.ToString("yyyy-MM-01", CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 10m));
        await ReportDataset.StoreBatchAsync(host, "e2e-release-1", authority, lines);
        await ReportDataset.RecomputeSettledAsync(host);

        var released = ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?period=2022&service=water"), authority)[("2022", "R")];
        Assert.False((bool)released["suppressed"]!);
        Assert.Equal(12, (int)released["householdsBilled"]!);
        Assert.Equal(1651.20m, (decimal)released["standardTotal"]!); // 12 × 137.60
        Assert.Empty(ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, $"api/reports/equity?period={month}&service=water"), authority));
        var running = ReportDataset.Cells(await ReportDataset.GetArrayAsync(regulator, $"api/reports/equity/unsuppressed?period={month}&service=water"), authority)[(month, "R")];
        Assert.True((bool)running["provisional"]!);
        Assert.Equal(12, (int)running["householdsBilled"]!);

        // A 13th household's 2022 line arrives late: the regulator sees it, the released cell does not move.
        await ReportDataset.StoreBatchAsync(host, "e2e-release-2", authority, new JsonArray(ReportDataset.Line(1, "rel-13", "R", "2022-01-01", "2022-12-31", 120m)));
        await ReportDataset.RecomputeSettledAsync(host);

        var after = ReportDataset.Cells(await ReportDataset.GetArrayAsync(host.Anonymous, "api/reports/equity?period=2022&service=water"), authority)[("2022", "R")];
        Assert.Equal(released.ToJsonString(), after.ToJsonString());
        var unsuppressed = ReportDataset.Cells(await ReportDataset.GetArrayAsync(regulator, "api/reports/equity/unsuppressed?period=2022&service=water"), authority)[("2022", "R")];
        Assert.Equal(13, (int)unsuppressed["householdsBilled"]!);
    }
}
