using Tariffs.Application.Ports;
using Tariffs.Domain.Ledger;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Rejections;

namespace Tariffs.EndToEnd.Tests;

/// <summary>What the tests do to the running service, and what they read back from its storage.</summary>
public static class Pipeline
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task PublishCatalogAsync(this ITariffsService host, string catalog)
    {
        using var response = await host.SendAsync(HttpMethod.Put, "api/catalog", catalog);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task PostEligibilityAsync(this ITariffsService host, JsonNode document)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "api/eligibility", document.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonObject> PostBatchAsync(this ITariffsService host, string batch)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "api/batches", batch);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The ledger entries of a batch, in line order.</summary>
    public static async Task<List<LedgerLine>> LedgerAsync(this ITariffsService host, string batchId)
    {
        var entries = new List<LedgerLine>();
        await foreach (var entry in new LedgerStore(host.Tables).ReadBatchAsync(batchId, CancellationToken.None))
            entries.Add(entry);
        return entries.OrderBy(e => e.LineNumber).ToList();
    }

    public static async Task<List<Rejection>> RejectionsAsync(this ITariffsService host, string partition)
    {
        var rows = new List<Rejection>();
        await foreach (var row in new RejectionStore(host.Tables).InPartitionAsync(partition, CancellationToken.None))
            rows.Add(row);
        return rows;
    }

    /// <summary>Waits until every queue the service reads is empty: every message handled and deleted.</summary>
    public static Task WaitUntilIdleAsync(this ITariffsService host, TimeSpan? timeout = null) => Eventually.ValueAsync(
        async () =>
        {
            var total = 0;
            foreach (var queue in new[] { "billing-batches", "billing-chunks", "eligibility-flags", "household-facts", "household-recompute", "webhook-deliveries" })
                total += (await host.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            return total;
        },
        count => count == 0, timeout ?? Patience, "every queue to be empty");

    /// <summary>A batch of lines for one authority, all on the water tariff DOM, one line per household.</summary>
    public static JsonObject Batch(string batchId, string authority, IEnumerable<JsonObject> lines) => new()
    {
        ["batchId"] = batchId, ["operator"] = "op", ["authority"] = authority, ["service"] = "water",
        ["currency"] = "EUR", ["createdAt"] = "2023-01-05T08:00:00Z",
        ["lines"] = new JsonArray(lines.Cast<JsonNode>().ToArray()),
    };

    public static JsonObject Line(int number, string household, decimal quantity, string from = "2022-01-01", string to = "2022-12-31", string area = "A") => new()
    {
        ["lineNumber"] = number, ["householdId"] = household, ["area"] = area, ["persons"] = 2,
        ["period"] = new JsonObject { ["from"] = from, ["to"] = to },
        ["consumption"] = new JsonObject { ["quantity"] = quantity, ["unit"] = "m3" },
        ["tariffCode"] = "DOM", ["billedAmount"] = 0m,
    };

    public static JsonObject Flag(string flagId, string household, string program, string from, string? to = null) => new()
    {
        ["flagId"] = flagId, ["householdId"] = household, ["program"] = program,
        ["window"] = to is null ? new JsonObject { ["from"] = from } : new JsonObject { ["from"] = from, ["to"] = to },
        ["decisionDate"] = from, ["sourceAgency"] = "test agency",
    };

    public static JsonObject Revocation(string revocationId, string household, string program, string effective) => new()
    {
        ["revocationId"] = revocationId, ["householdId"] = household, ["program"] = program,
        ["effectiveDate"] = effective, ["decisionDate"] = effective, ["sourceAgency"] = "test agency",
    };

    /// <summary>Σ of a household's adjustments in a batch, originals and corrections, in minor units.</summary>
    public static long AdjustmentsOf(this IEnumerable<LedgerLine> entries, string household) =>
        entries.Where(e => e.HouseholdId == household).SelectMany(e => e.Items).Sum(a => a.AmountMinor);

    /// <summary>Sends with the function key, again while the service answers 5xx (storage faults are injected in proof tests).</summary>
    public static async Task<HttpResponseMessage> SendAsync(this ITariffsService host, HttpMethod method, string route, string? body = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, route) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await host.Authorised.SendAsync(request);
            if ((int)response.StatusCode < 500 || attempt == 50)
                return response;
            response.Dispose();
            await Task.Delay(100);
        }
    }
}
