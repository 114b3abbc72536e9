using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Through the real local host on Azurite: a message on the queue → the function → the engine → Table storage
/// → the equity report over HTTP.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class BillingPipelineTests(LocalHostFixture host)
{
    [Fact]
    public async Task Sample_batch_goes_from_the_queue_to_the_ledger_and_the_report_and_a_redelivery_changes_nothing()
    {
        await host.PublishCatalogAsync(Samples.Catalog);
        foreach (var flag in Samples.Flags)
        {
            using var response = await host.Authorised.PostAsync("api/eligibility", new StringContent(flag!.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await host.Queue("billing-batches").SendMessageAsync(Samples.Batch);
        var entries = await Eventually.ValueAsync(() => host.LedgerAsync("dunkerque-water-2022-annual"), e => e.Count == 30, Pipeline.Patience, "30 ledger lines");

        // 6 CSS households: −0.55 €/m³ on their first 80 m³ (PRODUCT.md example 1), 233.75 € in all.
        var adjustments = entries.SelectMany(e => e.Items).ToList();
        Assert.Equal(6, adjustments.Count);
        Assert.Equal(-23375, adjustments.Sum(a => a.AmountMinor));
        Assert.All(adjustments, a => Assert.Equal("dunkerque-css-essential-water", a.RuleId));
        Assert.All(adjustments, a => Assert.Contains("délibération 2022", a.LegalReferences));
        Assert.Equal(378810, entries.Sum(e => e.StandardBillMinor));

        // The chunk writes the report's projection after its ledger rows: wait for it before recomputing.
        await host.WaitUntilIdleAsync();
        using (var recompute = await host.Authorised.PostAsync("api/reports/equity/recompute", null))
            Assert.Equal(HttpStatusCode.OK, recompute.StatusCode);
        // The regulator's view: the public one is released once per closed month and withholds groups under k (6 eligible of 30).
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);
        var report = await regulator.GetFromJsonAsync<JsonArray>("api/reports/equity/unsuppressed?period=2022&service=water");
        var cells = report!.Where(c => (string)c!["authority"]! == "dunkerque").ToDictionary(c => (string)c!["area"]!);

        var total = cells["*"]!;
        Assert.Equal(30, (int)total["householdsBilled"]!);
        Assert.Equal(6, (int)total["householdsEligible"]!);
        Assert.Equal(6, (int)total["householdsReceived"]!);
        Assert.Equal(1.0, (double)total["takeUpRate"]!);
        Assert.Equal(3788.10m, (decimal)total["billedTotal"]!);
        Assert.Equal(-233.75m, (decimal)total["socialAdjustmentsTotal"]!);
        Assert.Equal(-132.00m, (decimal)cells["59183-A"]!["socialAdjustmentsTotal"]!);
        Assert.Equal(-101.75m, (decimal)cells["59183-B"]!["socialAdjustmentsTotal"]!);

        // Delivered a second time: the same keys, nothing new in the ledger.
        await host.Queue("billing-batches").SendMessageAsync(Samples.Batch);
        await host.WaitUntilIdleAsync();
        var again = await host.LedgerAsync("dunkerque-water-2022-annual");
        Assert.Equal(30, again.Count);
        Assert.Equal(adjustments.Select(a => (a.Id, a.AmountMinor, a.StoredAt)), again.SelectMany(e => e.Items).Select(a => (a.Id, a.AmountMinor, a.StoredAt)));
    }

    [Fact]
    public async Task Malformed_message_is_stored_as_a_rejection_with_its_reason_and_the_host_keeps_running()
    {
        var sent = await host.Queue("billing-batches").SendMessageAsync("{\"batchId\": \"broken\", \"lines\": [ {");

        var rejection = await Eventually.ValueAsync(
            async () => (await host.RejectionsAsync("billing-batches")).FirstOrDefault(r => r.Key == sent.Value.MessageId),
            r => r is not null, Pipeline.Patience, "the rejection of the malformed message");

        Assert.Contains("not a readable billing batch", rejection!.Reason);
        Assert.StartsWith("{\"batchId\": \"broken\"", rejection.Excerpt);
        Assert.True(host.IsRunning);
        using var health = await host.Anonymous.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Bad_lines_are_rejected_one_by_one_with_reasons_and_the_good_lines_are_priced()
    {
        await host.PublishCatalogAsync(Samples.CatalogFor("e2e-lines"));
        var batchId = "e2e-lines-" + Guid.NewGuid().ToString("N")[..8];
        static JsonObject Line(int n, decimal quantity, string from, string to, string tariff = "DOM") => new()
        {
            ["lineNumber"] = n, ["householdId"] = $"hh-{n}", ["area"] = "A", ["persons"] = 2,
            ["period"] = new JsonObject { ["from"] = from, ["to"] = to },
            ["consumption"] = new JsonObject { ["quantity"] = quantity, ["unit"] = "m3" },
            ["tariffCode"] = tariff, ["billedAmount"] = 10.0m,
        };
        var batch = new JsonObject
        {
            ["batchId"] = batchId, ["operator"] = "op", ["authority"] = "e2e-lines", ["service"] = "water",
            ["currency"] = "EUR", ["createdAt"] = "2023-01-05T08:00:00Z",
            ["lines"] = new JsonArray(
                Line(1, 120m, "2022-01-01", "2022-12-31"),
                Line(2, -5m, "2022-01-01", "2022-12-31"),
                Line(3, 10m, "2022-06-30", "2022-06-01"),
                Line(4, 10m, "2022-01-01", "2022-12-31", tariff: "NOPE"),
                new JsonObject { ["lineNumber"] = 5 }),
        };

        using (var response = await host.Authorised.PostAsync("api/batches", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var rejections = await Eventually.ValueAsync(() => host.RejectionsAsync(batchId), r => r.Count == 4, Pipeline.Patience, "4 rejected lines");
        var byLine = rejections.ToDictionary(r => r.Key, r => r.Reason);
        Assert.Contains("consumption.quantity: must be from 0 to 1,000,000,000", byLine["line|0000000002"]);
        Assert.Contains("period: ends (2022-06-01) before it starts (2022-06-30)", byLine["line|0000000003"]);
        Assert.Contains("Unknown tariff 'NOPE'", byLine["line|0000000004"]);
        Assert.Contains("householdId: required", byLine["line|0000000005"]);
        var priced = Assert.Single(await host.LedgerAsync(batchId));
        Assert.Equal(13760, priced.StandardBillMinor);
    }

    [Fact]
    public async Task Invalid_catalog_is_refused_naming_the_field()
    {
        using var response = await host.Authorised.PutAsync("api/catalog",
            new StringContent(Samples.CatalogFor("e2e-bad").Replace("\"price\":0.89", "\"price\":-0.89"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("$.tariffs[0].versions[0].blocks[0].price: must not be negative", body!["problems"]!.AsArray().Select(p => (string)p!));
    }

    [Theory]
    [InlineData("POST", "api/batches")]
    [InlineData("PUT", "api/catalog")]
    [InlineData("POST", "api/eligibility")]
    [InlineData("POST", "api/reports/equity/recompute")]
    public async Task Routes_that_change_data_refuse_a_request_without_the_function_key(string method, string route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Public_report_and_health_need_no_key()
    {
        using var report = await host.Anonymous.GetAsync("api/reports/equity");
        using var health = await host.Anonymous.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", report.Content.Headers.ContentType!.MediaType);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await report.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }
}
