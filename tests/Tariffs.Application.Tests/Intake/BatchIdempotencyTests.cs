using Tariffs.Domain.Ledger;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Intake;
using Tariffs.Application.Tests.Billing;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Rejections;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Intake;

/// <summary>
/// A batch id names one document: the same document again changes nothing, other content under the id is refused
/// with a stored rejection and leaves the first batch as it was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BatchIdempotencyTests(AzuriteFixture azurite)
{
    private static string Line(int number, string household, decimal billed) => $$"""
        {"lineNumber":{{number}},"householdId":"{{household}}","accountId":"acc","area":"59183-A","mainResidence":true,"persons":4,
         "period":{"from":"2022-01-01","to":"2022-12-31"},"consumption":{"quantity":120,"unit":"m3"},"tariffCode":"DOM","billedAmount":{{billed}}}
        """;

    private static string Batch(string batchId, string @operator, params string[] lines) => $$"""
        {"batchId":"{{batchId}}","operator":"{{@operator}}","authority":"dunkerque","service":"water","currency":"EUR","lines":[{{string.Join(',', lines)}}]}
        """;

    private static async Task<List<LedgerLine>> LedgerOfAsync(IServiceProvider services, string batchId)
    {
        var entries = new List<LedgerLine>();
        await foreach (var entry in services.GetRequiredService<LedgerStore>().ReadBatchAsync(batchId, CancellationToken.None))
            entries.Add(entry);
        return entries;
    }

    private static async Task<List<Rejection>> RejectionsOfAsync(IServiceProvider services, string batchId)
    {
        var found = new List<Rejection>();
        await foreach (var rejection in services.GetRequiredService<RejectionStore>().InPartitionAsync(batchId, CancellationToken.None))
            found.Add(rejection);
        return found;
    }

    [Fact]
    public async Task The_same_batch_again_appends_nothing_and_other_content_under_its_id_is_refused_with_a_stored_rejection()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var intake = services.GetRequiredService<BatchIntake>();
        var id = header.BatchId;
        var first = Batch(id, "eau-du-dunkerquois", Line(1, id + "-hh-1", 137.60m));
        var changed = Batch(id, "eau-du-dunkerquois", Line(1, id + "-hh-1", 99.00m), Line(2, id + "-hh-2", 137.60m));

        var accepted = await intake.HandleMessageAsync(first, "m-1", 1, CancellationToken.None);
        var again = await intake.HandleMessageAsync(first, "m-2", 1, CancellationToken.None);
        var conflict = await intake.HandleMessageAsync(changed, "m-3", 1, CancellationToken.None);

        Assert.True(accepted.Accepted && !accepted.Duplicate);
        Assert.True(again.Accepted && again.Duplicate);
        Assert.Equal((1, 1), (again.Lines, again.Chunks));
        Assert.True(conflict.Conflict);
        Assert.False(conflict.Accepted);
        var line = Assert.Single(await LedgerOfAsync(services, id));
        Assert.Equal((1, 13760L), (line.LineNumber, line.BilledMinor)); // line 1 as first sent, no line 2
        var status = await services.GetRequiredService<BatchStore>().GetStatusAsync(id, CancellationToken.None);
        Assert.Equal((BatchStatus.Completed, 1, 1, 0), (status!.State, status.LinesReceived, status.LinesPriced, status.LinesRejected));
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(changed)));
        var rejection = Assert.Single(await RejectionsOfAsync(services, id));
        Assert.Equal($"conflict|{sha}", rejection.Key);
        Assert.Contains($"batch id '{id}' is taken by a batch with other content (this document's SHA-256 is {sha})", rejection.Reason);
    }

    [Fact]
    public async Task Another_operator_posting_under_a_taken_batch_id_gets_a_conflict_over_the_streamed_path()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var intake = services.GetRequiredService<BatchIntake>();
        var id = header.BatchId;
        var mine = Encoding.UTF8.GetBytes(Batch(id, "eau-du-dunkerquois", Line(1, id + "-hh-1", 137.60m)));
        var theirs = Encoding.UTF8.GetBytes(Batch(id, "another-operator", Line(1, id + "-hh-1", 137.60m)));

        var accepted = await intake.AcceptAsync(new TricklingStream(mine, 1, 7), static _ => true, CancellationToken.None);
        var resent = await intake.AcceptAsync(new MemoryStream(mine), static _ => true, CancellationToken.None);
        var refused = await intake.AcceptAsync(new MemoryStream(theirs), static _ => true, CancellationToken.None);

        Assert.True(accepted.Accepted && !accepted.Duplicate); // the hash is the same however the bytes arrive
        Assert.True(resent.Duplicate);
        Assert.True(refused.Conflict);
        var status = await services.GetRequiredService<BatchStore>().GetStatusAsync(id, CancellationToken.None);
        Assert.Null(status!.Refusal);
        Assert.Single(await RejectionsOfAsync(services, id));
    }

    [Fact]
    public async Task The_same_batch_again_after_a_delivery_stopped_before_its_chunks_were_queued_is_priced()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var id = header.BatchId;
        var document = Batch(id, "eau-du-dunkerquois", Line(1, id + "-hh-1", 137.60m));
        // What a first delivery left when the host stopped right after claiming the id.
        Assert.Null(await services.GetRequiredService<BatchStore>().ClaimAsync(new BatchRecord
        {
            BatchId = id, Operator = "eau-du-dunkerquois", Authority = "dunkerque", Service = "water", Currency = "EUR", Lines = 1, Chunks = 1,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document))),
        }, CancellationToken.None));

        var redelivered = await services.GetRequiredService<BatchIntake>().HandleMessageAsync(document, "m-1", 1, CancellationToken.None);

        Assert.False(redelivered.Duplicate);
        Assert.Single(await LedgerOfAsync(services, id));
        Assert.Equal(BatchStatus.Completed, (await services.GetRequiredService<BatchStore>().GetStatusAsync(id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_refused_batch_does_not_hold_its_id()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var intake = services.GetRequiredService<BatchIntake>();
        var id = header.BatchId;

        var refused = await intake.HandleMessageAsync(Batch(id, "eau-du-dunkerquois", Line(1, id + "-hh-1", 137.60m), Line(1, id + "-hh-2", 137.60m)), "m-1", 1, CancellationToken.None);
        var corrected = await intake.HandleMessageAsync(Batch(id, "eau-du-dunkerquois", Line(1, id + "-hh-1", 137.60m), Line(2, id + "-hh-2", 137.60m)), "m-2", 1, CancellationToken.None);

        Assert.False(refused.Accepted); // line number 1 twice
        Assert.True(corrected.Accepted && !corrected.Duplicate);
        var status = await services.GetRequiredService<BatchStore>().GetStatusAsync(id, CancellationToken.None);
        Assert.Equal((BatchStatus.Completed, 2, null), (status!.State, status.LinesPriced, status.Refusal));
    }
}
