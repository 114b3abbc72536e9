using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Xunit.Abstractions;

namespace Tariffs.EndToEnd.Tests.Fuzz;

/// <summary>
/// Malformed and extreme batches, lines, flags and queue messages (<see cref="InputFuzzer"/>) through the running local
/// host, then the invariants on what is stored: no 5xx; every accepted batch ends in a terminal state with every line
/// priced or rejected with a reason (received = priced + rejected) and every good line priced; every refusal says
/// why; nothing waits in a <c>-poison</c> queue without a stored reason; the report recomputes afterwards.
/// The seed is fixed so CI is reproducible; set <c>TARIFFS_FUZZ_SEED</c> to explore others.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class FuzzTests(LocalHostFixture host, ITestOutputHelper output)
{
    /// <summary>Inputs per run: batches (each 3 good lines and 1–3 broken ones), flags, and unreadable messages per queue.</summary>
    public const int Batches = 60, Flags = 60, GarbagePerQueue = 6;

    private const string Authority = "fuzz";
    private const string Program = "fz-css";

    private static readonly string[] InputQueues = ["billing-batches", "billing-chunks", "eligibility-flags", "household-recompute", "webhook-deliveries"];

    [Fact]
    public async Task Malformed_and_extreme_input_never_loses_a_good_line_and_every_refusal_has_a_reason()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TARIFFS_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261206;
        output.WriteLine($"fuzz seed {seed}");
        var fuzzer = new InputFuzzer(seed);
        await host.PublishCatalogAsync(Samples.CatalogFor(Authority, Program));

        var accepted = new List<(string Id, byte[] Body)>();
        for (var b = 0; b < Batches; b++)
        {
            var batchId = $"fz-{seed}-{b}{fuzzer.KeySuffix()}";
            var body = fuzzer.Batch(batchId, Authority, good: 3, out var refusable);
            using var response = await PostAsync("api/batches", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"batch {batchId}: {(int)response.StatusCode} {text}");
            if (response.StatusCode == HttpStatusCode.Accepted)
                accepted.Add((batchId, body));
            else
                Assert.False(string.IsNullOrWhiteSpace(text), $"batch {batchId}: {(int)response.StatusCode} without a reason");
            if (!refusable)
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"batch {batchId} with a good header: {(int)response.StatusCode} {text}");
        }

        // Ids again: the same document is a no-op, other content under a taken id is 409 and leaves the first as it was.
        foreach (var (batchId, body) in accepted.Take(10))
        {
            using var again = await PostAsync("api/batches", body);
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            using var other = await PostAsync("api/batches", fuzzer.Batch(batchId, Authority, good: 2, out _));
            Assert.True(other.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"batch {batchId} with other content: {(int)other.StatusCode}");
        }

        for (var f = 0; f < Flags; f++)
        {
            var broken = f % 2 == 1;
            using var response = await PostAsync("api/eligibility", System.Text.Encoding.UTF8.GetBytes(fuzzer.Flag($"fz-flag-{seed}-{f}", broken)));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"flag {f}: {(int)response.StatusCode} {text}");
            if (!broken)
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"good flag {f}: {(int)response.StatusCode} {text}");
            else if (response.StatusCode != HttpStatusCode.Created)
                Assert.False(string.IsNullOrWhiteSpace(text), $"flag {f}: {(int)response.StatusCode} without a reason");
        }

        var raw = new QueueServiceClient(host.ConnectionString);
        foreach (var queue in InputQueues)
        {
            for (var g = 0; g < GarbagePerQueue; g++)
                await host.Queue(queue).SendMessageAsync(fuzzer.Garbage());
            await raw.GetQueueClient(queue).SendMessageAsync("not base64 at all: {\"x\": 1} !"); // the trigger cannot even decode it
        }

        await host.WaitUntilIdleAsync(TimeSpan.FromMinutes(5));

        foreach (var (batchId, _) in accepted)
            await AssertSettledAsync(batchId);
        await AssertNothingPoisonedWithoutReasonAsync();

        using var recompute = await host.Authorised.PostAsync("api/reports/equity/recompute", null);
        Assert.Equal(HttpStatusCode.OK, recompute.StatusCode);
        using var report = await host.Anonymous.GetAsync("api/reports/equity?format=csv");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.True(host.IsRunning);
    }

    private async Task AssertSettledAsync(string batchId)
    {
        var status = await Eventually.ValueAsync(
            async () => await host.Authorised.GetFromJsonAsync<JsonObject>($"api/batches/{Uri.EscapeDataString(batchId)}"),
            s => (string?)s?["state"] != "processing", Pipeline.Patience, $"batch {batchId} to end");
        var received = (int)status!["linesReceived"]!;
        var priced = (int)status["linesPriced"]!;
        var rejected = (int)status["linesRejected"]!;
        Assert.True(received == priced + rejected, $"batch {batchId}: {status}");

        var ledger = await host.LedgerAsync(batchId);
        for (var n = 1; n <= 3; n++)
            Assert.Contains(ledger, e => e.HouseholdId == $"fz-good-{batchId}-{n}");
        Assert.Equal(priced, ledger.Count);

        var reasons = await host.RejectionsAsync(batchId);
        Assert.True(reasons.Count >= rejected, $"batch {batchId}: {rejected} lines rejected, {reasons.Count} reasons stored");
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    /// <summary>
    /// Whatever reached a <c>-poison</c> queue is swept into a stored rejection with a reason (every 15 s), and the queue
    /// emptied: wait until each is empty, then every record there has a reason, and each queue that had unreadable
    /// messages has at least its not-Base64 one recorded.
    /// </summary>
    private async Task AssertNothingPoisonedWithoutReasonAsync()
    {
        var raw = new QueueServiceClient(host.ConnectionString);
        foreach (var queue in InputQueues)
        {
            var poison = raw.GetQueueClient(queue + "-poison");
            await Eventually.ValueAsync(
                async () => await poison.ExistsAsync() ? (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0,
                waiting => waiting == 0, TimeSpan.FromMinutes(2), $"{queue}-poison to be swept into rejections");
            var recorded = await host.RejectionsAsync(queue + "-poison");
            Assert.Contains(recorded, r => r.Excerpt.Contains("not base64 at all", StringComparison.Ordinal));
            Assert.All(recorded, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string route, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await host.Authorised.PostAsync(route, content);
    }
}
