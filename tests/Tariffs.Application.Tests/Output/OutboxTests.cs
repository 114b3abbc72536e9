using Tariffs.Application.Ports;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tariffs.Application.Billing;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Json;
using Tariffs.Application.Output;
using Tariffs.Application.Tests.Billing;
using Tariffs.Testing;
using Tariffs.Application.Messages;

namespace Tariffs.Application.Tests.Output;

/// <summary>
/// A recomputation that stops after storing its corrections and before sending them (here: the first message it
/// sends to <c>adjustments-out</c> fails) leaves them in the ledger's outbox; the sweep sends them, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxTests(AzuriteFixture azurite)
{
    /// <summary>Fails the first message sent to <c>adjustments-out</c>.</summary>
    private sealed class FirstPublicationFails : HttpPipelinePolicy
    {
        private int failed;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.Contains($"/{QueueNames.AdjustmentsOut}/messages", StringComparison.Ordinal)
                && Interlocked.Exchange(ref failed, 1) == 0)
                throw new RequestFailedException(503, "injected: the host stopped before publishing");
            await ProcessNextAsync(message, pipeline);
        }
    }

    /// <summary>The system clock, some time ahead.</summary>
    private sealed class Ahead(Duration by) : IClock
    {
        public Instant GetCurrentInstant() => SystemClock.Instance.GetCurrentInstant() + by;
    }

    [Fact]
    public async Task Corrections_stored_but_not_sent_are_sent_once_by_the_sweep()
    {
        var (plain, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var household = header.BatchId + "-hh-1";
        await plain.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 1, 0, ChunkRaceTests.Lines(header.BatchId), CancellationToken.None);
        Assert.Null(await plain.GetRequiredService<EligibilityFlagHandler>().HandleAsync(ChunkRaceTests.Flag(household), "m-1", CancellationToken.None));
        var recompute = Assert.Single(await ChunkRaceTests.RecomputationsAsync(plain));
        var output = plain.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.AdjustmentsOut);
        await output.ClearMessagesAsync();

        var failing = ChunkRaceTests.Services(azurite, queuePolicy: new FirstPublicationFails());
        await Assert.ThrowsAsync<RequestFailedException>(() => failing.GetRequiredService<HouseholdRecomputer>().RecomputeAsync(recompute, CancellationToken.None));

        Assert.Equal(-4400, Assert.Single(await ChunkRaceTests.HouseholdAsync(plain, household)).Items.Sum(a => a.AmountMinor)); // stored
        Assert.Equal(0, (await output.GetPropertiesAsync()).Value.ApproximateMessagesCount); // not sent
        Assert.Equal(0, await plain.GetRequiredService<HouseholdRecomputer>().RecomputeAsync(recompute, CancellationToken.None)); // nothing left to correct

        var ledger = plain.GetRequiredService<ILedger>();
        var publisher = plain.GetRequiredService<AdjustmentPublisher>();
        Assert.Equal(0, await new PublicationOutbox(ledger, publisher, SystemClock.Instance).SendPendingAsync(CancellationToken.None)); // too recent: its writer may still send it
        Assert.Equal(1, await new PublicationOutbox(ledger, publisher, new Ahead(Duration.FromMinutes(3))).SendPendingAsync(CancellationToken.None));
        Assert.Equal(0, await new PublicationOutbox(ledger, publisher, new Ahead(Duration.FromMinutes(3))).SendPendingAsync(CancellationToken.None));

        var sent = (await output.ReceiveMessagesAsync(32)).Value.Select(m => JsonSerializer.Deserialize<AdjustmentPublication>(m.Body.ToString(), TariffsJson.Options)!)
            .SelectMany(p => p.Adjustments).Where(a => a.HouseholdId == household).ToList();
        var correction = Assert.Single(sent);
        Assert.Equal((-44.00m, 1, "dunkerque-css-essential-water"), (correction.Amount, correction.Correction, correction.RuleId));
        Assert.Equal($"{header.BatchId}|0000000001|dunkerque-css-essential-water|0001", correction.Key);
    }
}
