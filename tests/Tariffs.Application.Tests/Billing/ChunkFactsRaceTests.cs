using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Intake;
using TestMessages = Tariffs.Application.Tests.InMemory.Messages;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Billing;

/// <summary>
/// A chunk priced with a catalog with criteria (the chèque énergie: income 7,000 € for one person is under 10,800 €)
/// on Azurite reads each household's facts once when no statement is stored meanwhile, and still never loses a
/// statement stored while it is priced — just before its first ledger transaction leaves, the worst moment: it reads the
/// facts again and queues the household's recomputation.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChunkFactsRaceTests(AzuriteFixture azurite)
{
    private const string Cause = "eligibility received while batch";
    private static readonly DateInterval Year2024 = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));

    /// <summary>Logs the URI of every table request, and runs an action once just before the first entity group transaction is sent.</summary>
    private sealed class Requests(Func<Task>? beforeFirstTransaction = null) : HttpPipelinePolicy
    {
        private readonly ConcurrentQueue<string> uris = new();
        private int done;

        /// <summary>Queries of many entities of the household facts table (a point read's path names its keys).</summary>
        public int FactsQueries => uris.Count(u => u.Contains($"/{TableNames.HouseholdFacts}()", StringComparison.Ordinal));

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            uris.Enqueue(message.Request.Uri.ToString());
            if (beforeFirstTransaction is not null && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref done, 1) == 0)
                await beforeFirstTransaction();
            await ProcessNextAsync(message, pipeline);
        }
    }

    /// <summary>Storage ready, the chèque énergie catalog published; a new batch header and its two households.</summary>
    private async Task<(ServiceProvider Plain, BatchHeader Header, string[] Households)> ArrangeAsync()
    {
        var (plain, dunkerque) = await ChunkRaceTests.ArrangeAsync(azurite);
        var catalog = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", "cheque-energie-criteria.json"));
        Assert.Empty((await plain.GetRequiredService<CatalogRepository>().PublishAsync(catalog, CancellationToken.None)).Errors);
        var header = new BatchHeader(dunkerque.BatchId, "edf", "france-etat-auto", "electricity", "EUR");
        return (plain, header, [header.BatchId + "-h-1", header.BatchId + "-h-2"]);
    }

    private static ReadOnlyMemory<byte> Lines(string[] households) =>
        TestMessages.Chunk(households.Select((h, i) => TestMessages.Line(i + 1, h, 1, Year2024, 1000, "kWh", "BASE", 250.00m)));

    private static async Task StatementAsync(ServiceProvider services, string household) =>
        Assert.Null(await services.GetRequiredService<HouseholdFactsHandler>().HandleAsync(
            TestMessages.Facts("facts-" + household, household, new LocalDate(2024, 1, 1), 7000m), "m-" + household, CancellationToken.None));

    [Fact]
    public async Task With_no_statement_stored_while_it_is_priced_a_chunk_reads_each_households_facts_once()
    {
        var (plain, header, households) = await ArrangeAsync();
        await StatementAsync(plain, households[0]);
        var requests = new Requests();

        await ChunkRaceTests.Services(azurite, requests).GetRequiredService<ChunkProcessor>().ProcessAsync(header, 2, 0, Lines(households), CancellationToken.None);

        Assert.Equal(households.Length, requests.FactsQueries);
        Assert.DoesNotContain(await ChunkRaceTests.RecomputationsAsync(plain), m => m.Cause.StartsWith(Cause, StringComparison.Ordinal));
        var line = Assert.Single(await ChunkRaceTests.HouseholdAsync(plain, households[0]));
        Assert.True(line.PricedEligible);
    }

    [Fact]
    public async Task A_statement_stored_while_the_chunk_is_priced_queues_a_recomputation_of_its_household()
    {
        var (plain, header, households) = await ArrangeAsync();
        var requests = new Requests(() => StatementAsync(plain, households[1]));

        await ChunkRaceTests.Services(azurite, requests).GetRequiredService<ChunkProcessor>().ProcessAsync(header, 2, 0, Lines(households), CancellationToken.None);

        Assert.Equal(2 * households.Length, requests.FactsQueries);
        Assert.False(Assert.Single(await ChunkRaceTests.HouseholdAsync(plain, households[1])).PricedEligible); // priced before the statement
        var fromChunk = Assert.Single(await ChunkRaceTests.RecomputationsAsync(plain), m => m.Cause.StartsWith(Cause, StringComparison.Ordinal));
        Assert.Equal(households[1], fromChunk.HouseholdId);
    }
}
