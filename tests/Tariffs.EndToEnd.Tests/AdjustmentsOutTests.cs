using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tariffs.Application.Output;

namespace Tariffs.EndToEnd.Tests;

/// <summary>Adjustments go back to the operator: on the output queue, and signed to its webhook, which fails on purpose.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class AdjustmentsOutTests(LocalHostFixture host)
{
    private async Task<(string BatchId, string Household)> BillOneCssHouseholdAsync(string @operator)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var authority = "out-" + suffix;
        var program = "out-css-" + suffix;
        await host.PublishCatalogAsync(Samples.CatalogFor(authority, program));
        var household = "hh-" + suffix;
        await host.PostEligibilityAsync(Pipeline.Flag("f-" + household, household, program, "2022-01-01"));
        var batch = Pipeline.Batch("out-" + suffix, authority, [Pipeline.Line(1, household, 120m)]);
        batch["operator"] = @operator;
        await host.PostBatchAsync(batch.ToJsonString());
        return ("out-" + suffix, household);
    }

    [Fact]
    public async Task Adjustments_reach_the_output_queue_with_deterministic_keys()
    {
        var (batchId, household) = await BillOneCssHouseholdAsync("queue-only-op");
        await host.WaitUntilIdleAsync();

        var messages = (await OutputAsync())
            .Where(m => (string)m["batchId"]! == batchId)
            .ToList();
        var adjustment = Assert.Single(Assert.Single(messages)["adjustments"]!.AsArray())!;
        Assert.Equal($"{batchId}|0000000001|{adjustment["ruleId"]}|0000", (string)adjustment["key"]!);
        Assert.Equal(household, (string)adjustment["householdId"]!);
        Assert.Equal(-44.00m, (decimal)adjustment["amount"]!);
        Assert.Contains("délibération 2022", (string)adjustment["legalReferences"]!);
    }

    [Fact]
    public async Task A_webhook_that_fails_twice_receives_the_delivery_signed_after_retries()
    {
        host.Webhook.FailNext(2);
        var refusedBefore = host.Webhook.Refused;
        var (batchId, _) = await BillOneCssHouseholdAsync(LocalHostFixture.WebhookOperator);

        var received = await Eventually.ValueAsync(
            () => Task.FromResult(host.Webhook.Accepted.FirstOrDefault(r => r.Body.Contains(batchId, StringComparison.Ordinal))),
            r => r is not null, Pipeline.Patience, "the webhook delivery");

        Assert.Equal(refusedBefore + 2, host.Webhook.Refused);
        // Standard Webhooks: a receiver holding either secret of the rotation verifies the delivery; another does not.
        Assert.Equal(2, received!.Signature.Split(' ').Length);
        Assert.True(WebhookSignature.Verify(WebhookReceiver.Secret, received.DeliveryId, received.Timestamp, received.Body, received.Signature, DateTimeOffset.UtcNow));
        Assert.True(WebhookSignature.Verify(WebhookReceiver.PreviousSecret, received.DeliveryId, received.Timestamp, received.Body, received.Signature, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify("whsec_" + Convert.ToBase64String("someone-else-entirely-0000"u8), received.DeliveryId, received.Timestamp, received.Body, received.Signature, DateTimeOffset.UtcNow));
        Assert.Equal($"{batchId}|chunk-000000|0", received.DeliveryId);
        Assert.Equal(-44.00m, (decimal)JsonNode.Parse(received.Body)!["adjustments"]![0]!["amount"]!);
    }

    [Fact]
    public async Task A_delivery_that_still_fails_is_kept_and_replayed_when_the_webhook_is_back()
    {
        host.Webhook.Down = true;
        string batchId;
        try
        {
            (batchId, _) = await BillOneCssHouseholdAsync(LocalHostFixture.WebhookOperator);
            await host.WaitUntilIdleAsync();
            Assert.DoesNotContain(host.Webhook.Accepted, r => r.Body.Contains(batchId, StringComparison.Ordinal));
        }
        finally
        {
            host.Webhook.Down = false;
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let the circuit breaker close again

        using var replay = await host.Authorised.PostAsync("api/deliveries/replay", null);
        var delivered = (await replay.Content.ReadFromJsonAsync<JsonObject>())!["delivered"]!.GetValue<int>();

        Assert.True(delivered >= 1);
        Assert.Contains(host.Webhook.Accepted, r => r.Body.Contains(batchId, StringComparison.Ordinal) && r.DeliveryId == $"{batchId}|chunk-000000|0");
    }

    /// <summary>
    /// Every message on <c>adjustments-out</c> (a peek sees only the first 32, and other tests publish there too): received
    /// page by page and left invisible for the rest of the run, since nothing consumes the queue in tests.
    /// </summary>
    private async Task<List<JsonNode>> OutputAsync()
    {
        var all = new List<JsonNode>();
        while ((await host.Queue("adjustments-out").ReceiveMessagesAsync(32, TimeSpan.FromMinutes(30))).Value is { Length: > 0 } page)
            all.AddRange(page.Select(m => JsonNode.Parse(m.Body.ToString())!));
        return all;
    }
}
