using Tariffs.Domain.Ledger;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Intake;
using Tariffs.Application.Json;
using Tariffs.Storage;
using Tariffs.Storage.Ledger;
using Tariffs.Testing;
using Tariffs.Application.Messages;

namespace Tariffs.Application.Tests.Billing;

/// <summary>
/// A flag stored while a chunk is being priced — after the chunk read eligibility, before its lines are in the
/// ledger — is not lost: the chunk queues the household's recomputation, which corrects the line. The flag is stored
/// by a storage pipeline policy just before the chunk's first ledger transaction leaves, the worst moment.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChunkRaceTests(AzuriteFixture azurite)
{
    private const string Cause = "eligibility received while batch";

    /// <summary>Runs an action once, just before the first entity group transaction is sent.</summary>
    private sealed class BeforeFirstTransaction(Func<Task> action) : HttpPipelinePolicy
    {
        private int done;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref done, 1) == 0)
                await action();
            await ProcessNextAsync(message, pipeline);
        }
    }

    private ServiceProvider Services(HttpPipelinePolicy? tablePolicy = null) => Services(azurite, tablePolicy);

    /// <summary>The application on Azurite, with an optional policy on the table or queue client and optional settings.</summary>
    internal static ServiceProvider Services(AzuriteFixture azurite, HttpPipelinePolicy? tablePolicy = null, HttpPipelinePolicy? queuePolicy = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var tableOptions = new TableClientOptions();
        if (tablePolicy is not null)
            tableOptions.AddPolicy(tablePolicy, HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (queuePolicy is not null)
            queueOptions.AddPolicy(queuePolicy, HttpPipelinePosition.PerCall);
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions))
            .AddSingleton(new QueueServiceClient(azurite.ConnectionString, queueOptions))
            .AddSingleton(new BlobServiceClient(azurite.ConnectionString))
            .AddTariffsStorage()
            .AddTariffsApplication(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build())
            .BuildServiceProvider();
    }

    private Task<(ServiceProvider Plain, BatchHeader Header)> ArrangeAsync() => ArrangeAsync(azurite);

    /// <summary>Storage created, the recomputation and output queues empty, the Dunkerque catalog published; a new batch header.</summary>
    internal static async Task<(ServiceProvider Plain, BatchHeader Header)> ArrangeAsync(AzuriteFixture azurite)
    {
        var plain = Services(azurite);
        await plain.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        foreach (var queue in new[] { QueueNames.HouseholdRecompute, QueueNames.AdjustmentsOut })
            await plain.GetRequiredService<QueueServiceClient>().GetQueueClient(queue).ClearMessagesAsync();
        var catalog = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "dunkerque-water.json"));
        Assert.Empty((await plain.GetRequiredService<CatalogRepository>().PublishAsync(catalog, CancellationToken.None)).Errors);
        return (plain, new BatchHeader("race-" + Guid.NewGuid().ToString("N"), "eau-du-dunkerquois", "dunkerque", "water", "EUR"));
    }

    /// <summary>Three yearly lines of 4 persons and 120 m³ (PRODUCT.md worked example 1: 137.60 €, −44.00 € with CSS).</summary>
    internal static ReadOnlyMemory<byte> Lines(string batchId) => Encoding.UTF8.GetBytes(LinesText(batchId));

    /// <summary>The lines of <see cref="Lines"/> as text.</summary>
    internal static string LinesText(string batchId) => string.Join(',', Enumerable.Range(1, 3).Select(i => $$"""
        {"lineNumber":{{i}},"householdId":"{{batchId}}-hh-{{i}}","accountId":"acc-{{i}}","area":"59183-A","mainResidence":true,"persons":4,
         "period":{"from":"2022-01-01","to":"2022-12-31"},"consumption":{"quantity":120,"unit":"m3"},"tariffCode":"DOM","billedAmount":137.60}
        """));

    internal static string Flag(string household) => $$"""
        {"flagId":"css-{{household}}","householdId":"{{household}}","program":"dunkerque-css","window":{"from":"2022-01-01"},
         "decisionDate":"2021-12-15","sourceAgency":"CPAM (test)","evidenceReference":"CSS-{{household}}"}
        """;

    internal static async Task<List<RecomputeMessage>> RecomputationsAsync(ServiceProvider services)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.HouseholdRecompute);
        var found = new List<RecomputeMessage>();
        foreach (var message in (await queue.PeekMessagesAsync(32)).Value)
            found.Add(JsonSerializer.Deserialize<RecomputeMessage>(message.Body.ToString(), TariffsJson.Options)!);
        return found;
    }

    internal static async Task<List<LedgerLine>> HouseholdAsync(ServiceProvider services, string household)
    {
        var entries = new List<LedgerLine>();
        await foreach (var entry in services.GetRequiredService<LedgerStore>().ReadHouseholdAsync(household, CancellationToken.None))
            entries.Add(entry);
        return entries;
    }

    [Fact]
    public async Task A_flag_stored_while_the_chunk_is_priced_queues_a_recomputation_that_corrects_the_line()
    {
        var (plain, header) = await ArrangeAsync();
        var household = header.BatchId + "-hh-2";
        var racing = Services(new BeforeFirstTransaction(async () =>
            Assert.Null(await plain.GetRequiredService<EligibilityFlagHandler>().HandleAsync(Flag(household), "m-1", CancellationToken.None))));

        await racing.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 1, 0, Lines(header.BatchId), CancellationToken.None);

        var line = Assert.Single(await HouseholdAsync(plain, household));
        Assert.False(line.PricedEligible); // priced with what was stored when the chunk read eligibility
        var fromChunk = Assert.Single(await RecomputationsAsync(plain), m => m.Cause.StartsWith(Cause, StringComparison.Ordinal));
        Assert.Equal(household, fromChunk.HouseholdId);

        // The chunk's message alone corrects the line (the flag's own message is not needed).
        Assert.Equal(1, await plain.GetRequiredService<HouseholdRecomputer>().RecomputeAsync(fromChunk, CancellationToken.None));
        var corrected = Assert.Single(await HouseholdAsync(plain, household));
        Assert.Equal(-4400, corrected.Items.Sum(a => a.AmountMinor));
    }

    [Fact]
    public async Task A_chunk_priced_with_everything_stored_queues_nothing()
    {
        var (plain, header) = await ArrangeAsync();
        Assert.Null(await plain.GetRequiredService<EligibilityFlagHandler>().HandleAsync(Flag(header.BatchId + "-hh-1"), "m-1", CancellationToken.None));
        await plain.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.HouseholdRecompute).ClearMessagesAsync();

        await plain.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 1, 0, Lines(header.BatchId), CancellationToken.None);

        Assert.Empty(await RecomputationsAsync(plain));
        Assert.Equal(-4400, Assert.Single(await HouseholdAsync(plain, header.BatchId + "-hh-1")).Items.Sum(a => a.AmountMinor));
    }

    [Fact]
    public async Task A_chunk_delivered_again_recomputes_its_stored_lines_of_households_with_eligibility()
    {
        var (plain, header) = await ArrangeAsync();
        var processor = plain.GetRequiredService<ChunkProcessor>();
        await processor.ProcessAsync(header, 1, 0, Lines(header.BatchId), CancellationToken.None);
        await plain.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.AdjustmentsOut).ClearMessagesAsync();
        // A flag whose own recomputation message was lost (say the host crashed before the chunk re-read eligibility).
        Assert.Null(await plain.GetRequiredService<EligibilityFlagHandler>().HandleAsync(Flag(header.BatchId + "-hh-3"), "m-1", CancellationToken.None));
        await plain.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.HouseholdRecompute).ClearMessagesAsync();

        await processor.ProcessAsync(header, 1, 0, Lines(header.BatchId), CancellationToken.None);

        Assert.Equal([header.BatchId + "-hh-3"], (await RecomputationsAsync(plain)).Select(m => m.HouseholdId));
        // What the operator receives again for the chunk is what the ledger holds (no adjustment), not a new pricing
        // with the flag (−44.00 as an original): the flag reaches the operator as a correction, once.
        Assert.Equal(0, (await plain.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.AdjustmentsOut).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
