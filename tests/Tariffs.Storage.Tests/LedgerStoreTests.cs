using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LedgerStoreTests(AzuriteFixture azurite)
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private async Task<LedgerStore> NewLedgerAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(TableNames.Ledger);
        return new LedgerStore(service);
    }

    private static LineOutcome Outcome(int lineNumber, decimal adjustment, string? household = null)
    {
        var line = new BillingLine(lineNumber, household ?? $"hh-{lineNumber}", "acc", "A", true, 4, Year, 120m, "m3", "DOM", 137.60m);
        var legal = new LegalReference("Délibération 2022");
        var adjustments = adjustment == 0m
            ? Array.Empty<Adjustment>()
            : [new Adjustment("css-block", "css", RuleStep.PriceReplacement, adjustment, Year,
                [new AdjustmentSegment(Year, "2022-01-01", legal, "block 1: 80 at 0.34 instead of 0.89", adjustment)])];
        return new LineOutcome(line, Currency.Eur, 137.60m, [], adjustments, adjustment != 0m);
    }

    [Fact]
    public async Task Rows_read_for_reports_carry_when_they_were_stored()
    {
        // The public report counts a row only if it was stored before its month's cutoff: the stored time must come back.
        var ledger = await NewLedgerAsync();
        var batch = "batch-" + Guid.NewGuid().ToString("N");
        var household = "hh-stored-" + Guid.NewGuid().ToString("N");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await AppendAsync(ledger, batch, [Outcome(1, -44.00m, household)], null);

        LedgerLine? found = null;
        await foreach (var entry in ledger.ReadAllForReportsAsync(CancellationToken.None))
            if (entry.HouseholdId == household)
                found = entry;
        Assert.NotNull(found);
        Assert.InRange(found.StoredAt!.Value.ToDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.InRange(Assert.Single(found.Items).StoredAt!.Value.ToDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Lines_and_adjustments_read_back_in_minor_units()
    {
        var ledger = await NewLedgerAsync();
        var batch = "batch-" + Guid.NewGuid().ToString("N");

        await AppendAsync(ledger, batch, [Outcome(2, 0m), Outcome(1, -44.00m), Outcome(10, -12.345m)], new Dictionary<string, decimal> { ["hh-1"] = 16000m });

        var entries = new List<LedgerLine>();
        await foreach (var entry in ledger.ReadBatchAsync(batch, CancellationToken.None))
            entries.Add(entry);
        entries = entries.OrderBy(e => e.LineNumber).ToList();
        Assert.Equal([1, 2, 10], entries.Select(e => e.LineNumber));
        Assert.All(entries, e => Assert.Equal(batch, e.BatchId));
        Assert.Equal(13760, entries[0].StandardBillMinor);
        Assert.Equal(1600000, entries[0].AnnualIncomeMinor);
        Assert.Null(entries[1].AnnualIncomeMinor); // unknown stays unknown, never 0
        Assert.Equal(-4400, Assert.Single(entries[0].Items).AmountMinor);
        Assert.Empty(entries[1].Items);
        Assert.Equal(-1235, Assert.Single(entries[2].Items).AmountMinor); // −12.345 rounds half away from zero
        Assert.Equal("2022-01-01", entries[0].Items[0].RuleVersions);
        Assert.Equal("block 1: 80 at 0.34 instead of 0.89", Assert.Single(entries[0].Items[0].Terms).Detail);
    }

    [Fact]
    public async Task Appending_the_same_outcomes_twice_writes_nothing_the_second_time()
    {
        var ledger = await NewLedgerAsync();
        var batch = "batch-" + Guid.NewGuid().ToString("N");
        var outcomes = Enumerable.Range(1, 150).Select(i => Outcome(i, i % 3 == 0 ? -44.00m : 0m)).ToList();

        var first = await AppendAsync(ledger, batch, outcomes, null);
        var again = await AppendAsync(ledger, batch, outcomes, null);

        Assert.Equal((200, 0), (first.RowsInserted, first.AlreadyStored.Count));
        Assert.Equal((0, 150), (again.RowsInserted, again.AlreadyStored.Count));

        var adjustments = 0;
        await foreach (var entry in ledger.ReadBatchAsync(batch, CancellationToken.None))
            adjustments += entry.Items.Count;
        Assert.Equal(50, adjustments);
    }

    [Fact]
    public async Task A_chunk_delivered_again_after_a_partial_write_stores_the_rest_and_reports_what_was_there()
    {
        var ledger = await NewLedgerAsync();
        var batch = "batch-" + Guid.NewGuid().ToString("N");
        var outcomes = Enumerable.Range(1, 300).Select(i => Outcome(i, i % 2 == 0 ? -44.00m : 0m)).ToList();
        var written = outcomes.Where(o => o.Line.LineNumber % 3 == 0).ToList(); // 100 lines, 50 of them with an adjustment

        await AppendAsync(ledger, batch, written, null);
        var rest = await AppendAsync(ledger, batch, outcomes, null);

        Assert.Equal(200 + 100, rest.RowsInserted); // 200 lines, 100 of them with an adjustment
        Assert.Equal(written.Select(o => o.Line.LineNumber).Order(), rest.AlreadyStored.Select(l => l.LineNumber).Order());
        var stored = await ledger.ReadLinesAsync(rest.AlreadyStored.Select(l => l.Id).Append(new LedgerLineId("not-stored", "x", 1)), CancellationToken.None);
        Assert.Equal(written.Select(o => o.Line.LineNumber).Order(), stored.Select(e => e.LineNumber).Order());
        Assert.Equal(50, stored.Sum(e => e.Items.Count)); // read back as stored, with their adjustments
        var lines = 0;
        await foreach (var entry in ledger.ReadBatchAsync(batch, CancellationToken.None))
            lines++;
        Assert.Equal(300, lines);
    }

    [Fact]
    public async Task A_households_lines_of_every_batch_read_back_in_batch_and_line_order_and_no_one_elses()
    {
        var ledger = await NewLedgerAsync();
        var household = "hh-" + Guid.NewGuid().ToString("N");
        // Same prefix, or the same id once '|' is taken out of keys: other households, never mixed in.
        string[] others = [household + "0", household + "|x", household[..^1]];
        await AppendAsync(ledger, "2022-b", [Outcome(7, -44.00m, household), Outcome(1, 0m, others[0]), Outcome(2, 0m, others[1]), Outcome(3, 0m, others[2])], null);
        await AppendAsync(ledger, "2022-a", [Outcome(9, 0m, household), Outcome(3, -12.00m, household)], null);

        var entries = new List<LedgerLine>();
        await foreach (var entry in ledger.ReadHouseholdAsync(household, CancellationToken.None))
            entries.Add(entry);

        Assert.Equal(["2022-a#3", "2022-a#9", "2022-b#7"], entries.Select(e => $"{e.BatchId}#{e.LineNumber}"));
        Assert.Equal([-1200L, -4400L], entries.SelectMany(e => e.Items).Select(a => a.AmountMinor));
    }

    [Fact]
    public async Task Corrections_and_their_outbox_row_are_stored_together_and_the_row_is_pending_until_completed()
    {
        var ledger = await NewLedgerAsync();
        var household = "hh-" + Guid.NewGuid().ToString("N");
        await AppendAsync(ledger, "2022-c", [Outcome(4, 0m, household)], null);
        var line = (await ReadHouseholdAsync(ledger, household)).Single();
        var correction = LedgerItem.Of(Outcome(4, -44.00m, household).Adjustments[0], Currency.Eur, 1, "flag f-1: stored total 0.00 EUR, recomputed -44.00 EUR");

        var outbox = await ledger.TryAppendCorrectionsAsync(line, [correction], "{\"payload\":1}", CancellationToken.None);
        var again = await ledger.TryAppendCorrectionsAsync(line, [correction], "{\"payload\":2}", CancellationToken.None);

        Assert.NotNull(outbox);
        Assert.Null(again); // the same correction key: nothing written, not even a second outbox row
        var entry = Assert.Single(await ReadHouseholdAsync(ledger, household)); // the outbox row is not an adjustment
        Assert.Equal([-4400L], entry.Items.Select(a => a.AmountMinor));
        Assert.Contains(await PendingAsync(ledger), o => o.Id == outbox.Id && o.Payload == "{\"payload\":1}");
        Assert.DoesNotContain(await PendingAsync(ledger, DateTimeOffset.UtcNow.AddMinutes(-10)), o => o.Id == outbox.Id); // too recent

        await ledger.CompletePublicationAsync(outbox, CancellationToken.None);
        await ledger.CompletePublicationAsync(outbox, CancellationToken.None);
        Assert.DoesNotContain(await PendingAsync(ledger), o => o.Id == outbox.Id);
    }

    private static Task<LedgerAppend> AppendAsync(LedgerStore ledger, string batch, IEnumerable<LineOutcome> outcomes, IReadOnlyDictionary<string, decimal>? incomes) =>
        ledger.AppendAsync([.. outcomes.Select(o => LedgerLine.Priced(batch, "operator", "dunkerque", "water", default, o,
            incomes is not null && incomes.TryGetValue(o.Line.HouseholdId, out var income) ? income : null))], CancellationToken.None);

    private static async Task<List<LedgerLine>> ReadHouseholdAsync(LedgerStore ledger, string household)
    {
        var entries = new List<LedgerLine>();
        await foreach (var entry in ledger.ReadHouseholdAsync(household, CancellationToken.None))
            entries.Add(entry);
        return entries;
    }

    private static async Task<List<PendingPublication>> PendingAsync(LedgerStore ledger, DateTimeOffset? before = null)
    {
        var rows = new List<PendingPublication>();
        await foreach (var row in ledger.PendingPublicationsAsync(Instant.FromDateTimeOffset(before ?? DateTimeOffset.UtcNow.AddMinutes(10)), CancellationToken.None))
            rows.Add(row);
        return rows;
    }
}
