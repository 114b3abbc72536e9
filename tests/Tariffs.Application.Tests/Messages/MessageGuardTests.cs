using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Intake;
using Tariffs.Application.Messages;
using Tariffs.Application.Output;
using Tariffs.Application.Tests.Billing;
using Tariffs.Storage.Rejections;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Messages;

/// <summary>
/// Every message ends somewhere with a reason: one that cannot be read is stored as a rejection on its first delivery
/// (not retried into the poison queue); one that fails otherwise leaves its last error, which the poison queue's
/// handler attaches to the copy that arrives there.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MessageGuardTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string> Unreadable => new()
    {
        { QueueNames.BillingBatches, "garbage, not JSON" },
        { QueueNames.BillingBatches, """{"claimCheck":{"blobName":""}}""" },
        { QueueNames.BillingBatches, """{"claimCheck":{"blobName":"incoming/never-uploaded.json"}}""" },
        { QueueNames.BillingChunks, "garbage, not JSON" },
        { QueueNames.BillingChunks, """{"batchId":"b"}""" },
        { QueueNames.EligibilityFlags, "garbage, not JSON" },
        { QueueNames.HouseholdRecompute, "garbage, not JSON" },
        { QueueNames.HouseholdRecompute, """{"cause":"no household"}""" },
        { QueueNames.WebhookDeliveries, "garbage, not JSON" },
        { QueueNames.WebhookDeliveries, "{}" },
    };

    /// <summary>The handling of a message of <paramref name="queue"/>, as its function runs it.</summary>
    private static Func<Task> Handler(ServiceProvider services, string queue, string id, string body) => queue switch
    {
        QueueNames.BillingBatches => () => services.GetRequiredService<BatchIntake>().HandleMessageAsync(body, id, 1, CancellationToken.None),
        QueueNames.BillingChunks => () => services.GetRequiredService<BatchIntake>().HandleChunkMessageAsync(body, 1, CancellationToken.None),
        QueueNames.EligibilityFlags => () => services.GetRequiredService<EligibilityFlagHandler>().HandleAsync(body, id, CancellationToken.None),
        QueueNames.HouseholdRecompute => () => services.GetRequiredService<HouseholdRecomputer>().HandleMessageAsync(body, CancellationToken.None),
        QueueNames.WebhookDeliveries => () => services.GetRequiredService<WebhookDelivery>().DeliverAsync(body, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task An_unreadable_message_is_stored_as_a_rejection_with_its_reason_on_its_first_delivery(string queue, string body)
    {
        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        var id = "m-" + Guid.NewGuid().ToString("N");

        await services.GetRequiredService<MessageGuard>().RunAsync(queue, id, body, Handler(services, queue, id, body), CancellationToken.None);

        var rejection = await FindAsync(services, queue, id);
        Assert.NotNull(rejection);
        Assert.NotEmpty(rejection.Reason);
    }

    [Fact]
    public async Task An_inline_batch_whose_operator_has_40000_characters_is_stored_as_a_rejection()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var id = "m-" + Guid.NewGuid().ToString("N");
        var body = $$"""{"batchId":"{{header.BatchId}}","operator":"{{new string('o', 40_000)}}","authority":"dunkerque","service":"water","currency":"EUR","lines":[{{ChunkRaceTests.LinesText(header.BatchId)}}]}""";

        await services.GetRequiredService<MessageGuard>().RunAsync(QueueNames.BillingBatches, id, body, Handler(services, QueueNames.BillingBatches, id, body), CancellationToken.None);

        // Refused at the door (the batch's own partition), or by storage (the queue's partition, by message id).
        var rejection = await FindAsync(services, QueueNames.BillingBatches, id) ?? await FindAsync(services, header.BatchId, "batch");
        Assert.NotNull(rejection);
        Assert.InRange(rejection.Excerpt.Length, 1, Rejection.MaxExcerpt);
    }

    public static TheoryData<string> Queues => new(QueueNames.BillingBatches, QueueNames.BillingChunks, QueueNames.EligibilityFlags, QueueNames.HouseholdRecompute, QueueNames.WebhookDeliveries);

    [Theory]
    [MemberData(nameof(Queues))]
    public async Task A_message_arriving_on_the_poison_queue_is_recorded_with_the_last_error_of_its_function(string queue)
    {
        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        var body = $$"""{"test":"{{Guid.NewGuid():N}}"}""";
        var guard = services.GetRequiredService<MessageGuard>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => guard.RunAsync(queue, "first-id", body, () => throw new InvalidOperationException("injected fault 42"), CancellationToken.None));
        Assert.Equal("injected fault 42", failure.Message); // thrown for the trigger to retry, not swallowed

        var inserted = DateTimeOffset.Parse("2026-12-06T01:02:03Z", System.Globalization.CultureInfo.InvariantCulture);
        await services.GetRequiredService<PoisonRecorder>().RecordAsync(queue, "poison-id", inserted, body, CancellationToken.None);

        var recorded = await FindAsync(services, queue + QueueNames.PoisonSuffix, "poison-id");
        Assert.NotNull(recorded);
        Assert.Equal(queue, recorded.Source);
        Assert.Contains("InvalidOperationException: injected fault 42", recorded.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-12-06T01:02:03", recorded.Reason, StringComparison.Ordinal);
        Assert.Equal(body, recorded.Excerpt);
    }

    [Fact]
    public async Task A_message_that_never_reached_its_function_is_recorded_on_the_poison_queue_without_an_error()
    {
        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        var body = "not base64 " + Guid.NewGuid().ToString("N");

        await services.GetRequiredService<PoisonRecorder>().RecordAsync(QueueNames.BillingBatches, "never-seen", null, body, CancellationToken.None);

        var recorded = await FindAsync(services, QueueNames.BillingBatches + QueueNames.PoisonSuffix, "never-seen");
        Assert.NotNull(recorded);
        Assert.Contains("none recorded", recorded.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reasons_and_excerpts_are_cut_to_what_a_table_holds_and_lone_surrogates_replaced()
    {
        Assert.Equal(Rejection.MaxReason, Rejection.Truncate(new string('r', 40_000), Rejection.MaxReason).Length);
        Assert.Equal("ab", Rejection.Truncate("ab", 2));
        Assert.Equal("a…", Rejection.Truncate("abc", 2));
        Assert.Equal("a\uFFFDb", Rejection.Truncate("a\uD800b", 10));
        Assert.Equal("…", Rejection.Truncate("\uD83D\uDE00x", 2)); // a pair is never cut in half
        Assert.Equal("\uD83D\uDE00", Rejection.Truncate("\uD83D\uDE00", 2));

        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        var id = "m-" + Guid.NewGuid().ToString("N");
        await services.GetRequiredService<RejectionStore>().AddAsync([new Rejection("test-truncation", id, "test", new string('r', 40_000) + "\uD800", new string('e', 40_000))], CancellationToken.None);
        var stored = await FindAsync(services, "test-truncation", id);
        Assert.Equal((Rejection.MaxReason, Rejection.MaxExcerpt), (stored!.Reason.Length, stored.Excerpt.Length));
    }

    private static async Task<Rejection?> FindAsync(ServiceProvider services, string partition, string key)
    {
        await foreach (var r in services.GetRequiredService<RejectionStore>().InPartitionAsync(partition, CancellationToken.None))
            if (r.Key == key)
                return r;
        return null;
    }
}
