using Tariffs.Domain.Ledger;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Billing;
using Tariffs.Application.Intake;
using NodaTime;
using Tariffs.Application.Json;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Rejections;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;
using Tariffs.Application.Messages;

namespace Tariffs.Application.Tests.Billing;

/// <summary>
/// One bad line never costs another: whatever goes wrong with a line — reading it, pricing it, building its rows,
/// storage refusing them — becomes that line's stored rejection with its reason, and the chunk's other lines are
/// priced and stored. A chunk that fails for good, or on its last delivery, ends failed with its lines rejected.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChunkIsolationTests(AzuriteFixture azurite)
{
    /// <summary>A good yearly line (4 persons, 120 m³: 137.60 €) with some fields replaced by raw JSON.</summary>
    private static string Line(string batchId, int number, string? quantity = null, string? billed = null, string? area = null, string? household = null) => $$"""
        {"lineNumber":{{number}},"householdId":{{household ?? $"\"{batchId}-hh-{number}\""}},"accountId":"acc-{{number}}","area":{{area ?? "\"59183-A\""}},"mainResidence":true,"persons":4,
         "period":{"from":"2022-01-01","to":"2022-12-31"},"consumption":{"quantity":{{quantity ?? "120"}},"unit":"m3"},"tariffCode":"DOM","billedAmount":{{billed ?? "137.60"}}}
        """;

    private static async Task<List<Rejection>> RejectionsAsync(ServiceProvider services, string partition)
    {
        var found = new List<Rejection>();
        await foreach (var r in services.GetRequiredService<RejectionStore>().InPartitionAsync(partition, CancellationToken.None))
            found.Add(r);
        return found;
    }

    private static async Task<List<LedgerLine>> LedgerAsync(ServiceProvider services, string batchId)
    {
        var found = new List<LedgerLine>();
        await foreach (var e in services.GetRequiredService<LedgerStore>().ReadBatchAsync(batchId, CancellationToken.None))
            found.Add(e);
        return found;
    }

    [Theory]
    [InlineData("quantity 7.9e28 (the engine's decimal arithmetic overflows)", "79000000000000000000000000000", null, null)]
    [InlineData("billedAmount 1e17 (beyond Int64 minor units)", null, "100000000000000000", null)]
    [InlineData("billedAmount -1e17", null, "-100000000000000000", null)]
    [InlineData("an area of 40,000 characters (storage refuses the row)", null, null, "40000")]
    public async Task A_line_that_throws_is_rejected_with_its_reason_and_the_other_lines_are_priced(string _, string? quantity, string? billed, string? areaLength)
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var area = areaLength is null ? null : $"\"{new string('A', int.Parse(areaLength, System.Globalization.CultureInfo.InvariantCulture))}\"";
        var lines = string.Join(',', Line(header.BatchId, 1), Line(header.BatchId, 2, quantity, billed, area), Line(header.BatchId, 3));

        var outcome = await services.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 0, 0, Encoding.UTF8.GetBytes(lines), CancellationToken.None);

        Assert.Equal((3, 2, 1), (outcome.LinesReceived, outcome.LinesPriced, outcome.LinesRejected));
        Assert.Equal([1, 3], (await LedgerAsync(services, header.BatchId)).Select(e => e.LineNumber).Order());
        var rejection = Assert.Single(await RejectionsAsync(services, header.BatchId));
        Assert.Equal(Rejection.LineKey(2), rejection.Key);
        Assert.NotEmpty(rejection.Reason);
        Assert.InRange(rejection.Reason.Length, 1, Rejection.MaxReason);
        Assert.InRange(rejection.Excerpt.Length, 1, Rejection.MaxExcerpt);
    }

    [Fact]
    public async Task A_line_with_an_invalid_UTF8_byte_or_a_lone_surrogate_is_rejected_and_the_others_are_priced()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Line(header.BatchId, 1) + ","));
        var bad = Encoding.UTF8.GetBytes(Line(header.BatchId, 2, household: "\"hh-\u00e9\""));
        var e = Array.IndexOf(bad, (byte)0xC3);
        bad[e] = 0xFF; // not UTF-8
        bytes.AddRange(bad);
        bytes.AddRange(Encoding.UTF8.GetBytes("," + Line(header.BatchId, 3, household: "\"hh-\\ud800\"") + "," + Line(header.BatchId, 4)));

        var outcome = await services.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 0, 0, bytes.ToArray(), CancellationToken.None);

        Assert.Equal(4, outcome.LinesReceived);
        Assert.Equal(outcome.LinesReceived, outcome.LinesPriced + outcome.LinesRejected);
        var priced = (await LedgerAsync(services, header.BatchId)).Select(l => l.LineNumber).ToList();
        Assert.Contains(1, priced);
        Assert.Contains(4, priced);
        var rejected = await RejectionsAsync(services, header.BatchId);
        Assert.Contains(rejected, r => r.Key == Rejection.LineKey(2) && r.Reason.Length > 0);
        Assert.Equal(outcome.LinesRejected, rejected.Count);
    }

    [Fact]
    public async Task A_2000_line_chunk_with_one_line_overflowing_at_line_1000_prices_the_other_1999()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var lines = string.Join(',', Enumerable.Range(1, 2_000).Select(n => Line(header.BatchId, n, quantity: n == 1_000 ? "79000000000000000000000000000" : null)));

        var outcome = await services.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 0, 0, Encoding.UTF8.GetBytes(lines), CancellationToken.None);

        Assert.Equal((2_000, 1_999, 1), (outcome.LinesReceived, outcome.LinesPriced, outcome.LinesRejected));
        Assert.Equal(1_999, (await LedgerAsync(services, header.BatchId)).Count);
        Assert.Equal(Rejection.LineKey(1_000), Assert.Single(await RejectionsAsync(services, header.BatchId)).Key);
    }

    [Fact]
    public async Task A_flag_with_an_income_beyond_minor_units_does_not_stop_its_households_lines()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var household = header.BatchId + "-hh-2";
        // The door refuses such an income (InputLimits.MaxAmount); one stored before the limits, or by another path, must
        // still not block the household: stored here directly, below the handler.
        var window = new EligibilityWindow("dunkerque-css", new DateInterval(new LocalDate(2022, 1, 1), DateIntervals.OpenEnd), new LocalDate(2021, 12, 15),
            "css-" + household, new HouseholdFacts(new LocalDate(2021, 12, 15), AnnualIncome: 70_000_000_000_000_000_000_000_000_000m));
        await services.GetRequiredService<EligibilityStore>().SaveWindowAsync(household, window, "CPAM (test)", "", SystemClock.Instance.GetCurrentInstant(), CancellationToken.None);

        var outcome = await services.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 0, 0, ChunkRaceTests.Lines(header.BatchId), CancellationToken.None);

        Assert.Equal((3, 0), (outcome.LinesPriced, outcome.LinesRejected));
        var line = Assert.Single(await ChunkRaceTests.HouseholdAsync(services, household));
        Assert.Null(line.AnnualIncomeMinor);
    }

    /// <summary>A 3-line batch accepted over the HTTP path, and the body of its chunk message.</summary>
    private static async Task<string> AcceptAsync(ServiceProvider services, string batchId)
    {
        var queue = services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(QueueNames.BillingChunks);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        var batch = $$"""{"batchId":"{{batchId}}","operator":"eau-du-dunkerquois","authority":"dunkerque","service":"water","currency":"EUR","lines":[{{string.Join(',', Enumerable.Range(1, 3).Select(n => Line(batchId, n)))}}]}""";
        var result = await services.GetRequiredService<BatchIntake>().AcceptAsync(new MemoryStream(Encoding.UTF8.GetBytes(batch)), static _ => true, CancellationToken.None);
        Assert.True(result.Accepted, result.Refusal);
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        return message.Body.ToString();
    }

    [Fact]
    public async Task A_chunk_that_always_fails_is_thrown_for_a_retry_then_on_its_last_delivery_ends_failed_with_its_lines_rejected()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var body = await AcceptAsync(services, header.BatchId);
        var chunk = JsonSerializer.Deserialize<ChunkMessage>(body, TariffsJson.Options)!;
        var failing = JsonSerializer.Serialize(chunk with { Authority = "nowhere" }, TariffsJson.Options); // no catalog: fails every time
        var intake = services.GetRequiredService<BatchIntake>();
        var batches = services.GetRequiredService<BatchStore>();

        for (var delivery = 1; delivery < 5; delivery++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => intake.HandleChunkMessageAsync(failing, delivery, CancellationToken.None));
        Assert.Equal(BatchStatus.Processing, (await batches.GetStatusAsync(header.BatchId, CancellationToken.None))!.State);

        await intake.HandleChunkMessageAsync(failing, 5, CancellationToken.None);

        var status = (await batches.GetStatusAsync(header.BatchId, CancellationToken.None))!;
        Assert.Equal(BatchStatus.CompletedWithFailures, status.State);
        Assert.Equal((3, 0, 3, 1, 3), (status.LinesReceived, status.LinesPriced, status.LinesRejected, status.ChunksFailed, status.LinesFailed));
        Assert.Contains("No catalog", status.Failure, StringComparison.Ordinal);
        var rejections = await RejectionsAsync(services, header.BatchId);
        Assert.Equal(new[] { 1, 2, 3 }.Select(Rejection.LineKey), rejections.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(rejections, r => Assert.StartsWith("not processed: InvalidOperationException: No catalog", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chunk_failing_on_its_last_delivery_after_some_lines_were_stored_counts_those_as_priced()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var body = await AcceptAsync(services, header.BatchId);
        var chunk = JsonSerializer.Deserialize<ChunkMessage>(body, TariffsJson.Options)!;
        // An earlier delivery stored line 2 before failing.
        await services.GetRequiredService<ChunkProcessor>().ProcessAsync(header, 99, 1, Encoding.UTF8.GetBytes(Line(header.BatchId, 2)), CancellationToken.None);
        await services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Batches).DeleteEntityAsync(RowKeys.Whole(header.BatchId), "chunk|000099");

        await services.GetRequiredService<BatchIntake>().FailChunkAsync(chunk, "injected", CancellationToken.None);

        var status = (await services.GetRequiredService<BatchStore>().GetStatusAsync(header.BatchId, CancellationToken.None))!;
        Assert.Equal((BatchStatus.CompletedWithFailures, 1, 2, 2), (status.State, status.LinesPriced, status.LinesRejected, status.LinesFailed));
        Assert.Equal(new[] { 1, 3 }.Select(Rejection.LineKey), (await RejectionsAsync(services, header.BatchId)).Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_chunk_whose_content_cannot_be_read_is_one_chunk_rejection_counting_all_its_lines()
    {
        var (services, header) = await ChunkRaceTests.ArrangeAsync(azurite);
        var body = await AcceptAsync(services, header.BatchId);
        var chunk = JsonSerializer.Deserialize<ChunkMessage>(body, TariffsJson.Options)!;

        await services.GetRequiredService<BatchIntake>().HandleChunkMessageAsync(
            JsonSerializer.Serialize(chunk with { BlobName = "incoming/missing.json" }, TariffsJson.Options), 5, CancellationToken.None);

        var status = (await services.GetRequiredService<BatchStore>().GetStatusAsync(header.BatchId, CancellationToken.None))!;
        Assert.Equal((BatchStatus.CompletedWithFailures, 0, 3, 3), (status.State, status.LinesPriced, status.LinesRejected, status.LinesFailed));
        Assert.Equal("chunk|000000", Assert.Single(await RejectionsAsync(services, header.BatchId)).Key);
    }
}
