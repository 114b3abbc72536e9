using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="ILedger"/>, run against every adapter (<see cref="InMemoryLedgerTests"/>,
/// <see cref="TableLedgerTests"/>) so that the in-memory one cannot drift from Table storage: first write wins, a line
/// is stored whole or not at all, reads by household are ranges in batch and line order, pages beyond 1,000 rows
/// come back whole, corrections and their publication are one write, and a refused line costs no other.
/// </summary>
public abstract class LedgerContract
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    /// <summary>A new, empty ledger, or one shared with other tests (each test uses ids of its own).</summary>
    protected abstract Task<ILedger> NewLedgerAsync();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static LineOutcome Outcome(int lineNumber, decimal adjustment, string household, string area = "A", DateInterval? period = null)
    {
        var line = new BillingLine(lineNumber, household, "acc", area, true, 4, period ?? Year, 120m, "m3", "DOM", 137.60m);
        var legal = new LegalReference("Délibération 2022");
        var adjustments = adjustment == 0m
            ? Array.Empty<Adjustment>()
            : [new Adjustment("css-block", "css", RuleStep.PriceReplacement, adjustment, Year,
                [new AdjustmentSegment(Year, "2022-01-01", legal, "block 1: 80 at 0.34 instead of 0.89", adjustment)])];
        return new LineOutcome(line, Currency.Eur, 137.60m, [], adjustments, adjustment != 0m);
    }

    private static LedgerLine Line(string batch, int number, decimal adjustment, string? household = null, decimal? income = null, string area = "A") =>
        LedgerLine.Priced(batch, "operator", "dunkerque", "water", Instant.FromUtc(2022, 3, 1, 0, 0), Outcome(number, adjustment, household ?? $"{batch}-hh-{number}", area), income);

    /// <summary>The water lines of <paramref name="authority"/> whose period ends in any year this suite bills.</summary>
    private static LedgerRange Water(string authority) => new(authority, "water", new LocalDate(2000, 1, 1), new LocalDate(2099, 12, 31));

    private static async Task<List<LedgerLine>> ToListAsync(IAsyncEnumerable<LedgerLine> lines)
    {
        var list = new List<LedgerLine>();
        await foreach (var line in lines)
            list.Add(line);
        return list;
    }

    private static async Task<List<PendingPublication>> PendingAsync(ILedger ledger, Instant before)
    {
        var list = new List<PendingPublication>();
        await foreach (var pending in ledger.PendingPublicationsAsync(before, CancellationToken.None))
            list.Add(pending);
        return list;
    }

    [Fact]
    public async Task Lines_and_items_read_back_as_appended_in_minor_units()
    {
        var ledger = await NewLedgerAsync();
        var batch = Unique("batch");

        await ledger.AppendAsync([Line(batch, 2, 0m), Line(batch, 1, -44.00m, income: 16000m), Line(batch, 10, -12.345m)], CancellationToken.None);

        var lines = (await ToListAsync(ledger.ReadBatchAsync(batch, CancellationToken.None))).OrderBy(l => l.LineNumber).ToList();
        Assert.Equal([1, 2, 10], lines.Select(l => l.LineNumber));
        Assert.All(lines, l => Assert.Equal((batch, "operator", "dunkerque", "water", Currency.Eur), (l.BatchId, l.Operator, l.Authority, l.Service, l.Currency)));
        Assert.Equal((13760L, 13760L, 120m, Year), (lines[0].StandardBillMinor, lines[0].BilledMinor, lines[0].Quantity, lines[0].Period));
        Assert.Equal(1600000, lines[0].AnnualIncomeMinor);
        Assert.Null(lines[1].AnnualIncomeMinor); // unknown stays unknown, never 0
        Assert.Equal(Instant.FromUtc(2022, 3, 1, 0, 0), lines[0].PricedAt);
        var item = Assert.Single(lines[0].Items);
        Assert.Equal((-4400L, 0, RuleStep.PriceReplacement, LedgerItemKind.Adjustment), (item.AmountMinor, item.Sequence, item.Step, item.Kind));
        Assert.Equal(("2022-01-01", "Délibération 2022", Year), (item.RuleVersions, item.LegalReferences, item.Covers));
        Assert.Equal("block 1: 80 at 0.34 instead of 0.89", Assert.Single(item.Terms).Detail);
        Assert.Empty(lines[1].Items);
        Assert.Equal(-1235, Assert.Single(lines[2].Items).AmountMinor); // −12.345 rounds half away from zero
        Assert.Equal((13760L - 4400L, true), (lines[0].SocialBillMinor, lines[0].Eligible));
    }

    [Fact]
    public async Task Appending_the_same_lines_twice_writes_nothing_the_second_time()
    {
        var ledger = await NewLedgerAsync();
        var batch = Unique("batch");
        var lines = Enumerable.Range(1, 150).Select(i => Line(batch, i, i % 3 == 0 ? -44.00m : 0m)).ToList();

        var first = await ledger.AppendAsync(lines, CancellationToken.None);
        var again = await ledger.AppendAsync(lines, CancellationToken.None);

        Assert.Equal((200, 0, 0), (first.RowsInserted, first.AlreadyStored.Count, first.Refused.Count));
        Assert.Equal((0, 150), (again.RowsInserted, again.AlreadyStored.Count));
        Assert.Equal(50, (await ToListAsync(ledger.ReadBatchAsync(batch, CancellationToken.None))).Sum(l => l.Items.Count));
    }

    [Fact]
    public async Task A_line_stored_already_keeps_its_first_items_whatever_a_later_pricing_gives()
    {
        var ledger = await NewLedgerAsync();
        var batch = Unique("batch");
        await ledger.AppendAsync([Line(batch, 1, 0m)], CancellationToken.None);

        var again = await ledger.AppendAsync([Line(batch, 1, -44.00m)], CancellationToken.None); // eligibility grew meanwhile

        Assert.Equal(0, again.RowsInserted);
        Assert.Equal([1], again.AlreadyStored.Select(l => l.LineNumber));
        var stored = Assert.Single(await ToListAsync(ledger.ReadBatchAsync(batch, CancellationToken.None)));
        Assert.Empty(stored.Items); // the originals are written once, with their line
    }

    [Fact]
    public async Task A_delivery_after_a_partial_write_stores_the_rest_and_reports_what_was_there()
    {
        var ledger = await NewLedgerAsync();
        var batch = Unique("batch");
        var lines = Enumerable.Range(1, 300).Select(i => Line(batch, i, i % 2 == 0 ? -44.00m : 0m)).ToList();
        var written = lines.Where(l => l.LineNumber % 3 == 0).ToList(); // 100 lines, 50 of them with an item

        await ledger.AppendAsync(written, CancellationToken.None);
        var rest = await ledger.AppendAsync(lines, CancellationToken.None);

        Assert.Equal(200 + 100, rest.RowsInserted); // 200 lines, 100 of them with an item
        Assert.Equal(written.Select(l => l.LineNumber), rest.AlreadyStored.Select(l => l.LineNumber).Order());
        var stored = await ledger.ReadLinesAsync(rest.AlreadyStored.Select(l => l.Id).Append(new LedgerLineId("not-stored", batch, 1)), CancellationToken.None);
        Assert.Equal(written.Select(l => l.LineNumber), stored.Select(l => l.LineNumber).Order());
        Assert.Equal(50, stored.Sum(l => l.Items.Count));
        Assert.Equal(300, (await ToListAsync(ledger.ReadBatchAsync(batch, CancellationToken.None))).Count);
    }

    [Fact]
    public async Task A_households_lines_of_every_batch_read_back_in_batch_and_line_order_and_no_one_elses()
    {
        var ledger = await NewLedgerAsync();
        var household = Unique("hh");
        // Same prefix, or the same id once '|' is taken out of keys: other households, never mixed in.
        string[] others = [household + "0", household + "|x", household[..^1]];
        var b = Unique("2022-b");
        var a = b.Replace("2022-b", "2022-a", StringComparison.Ordinal);
        await ledger.AppendAsync([Line(b, 7, -44.00m, household), Line(b, 1, 0m, others[0]), Line(b, 2, 0m, others[1]), Line(b, 3, 0m, others[2])], CancellationToken.None);
        await ledger.AppendAsync([Line(a, 9, 0m, household), Line(a, 3, -12.00m, household)], CancellationToken.None);

        var lines = await ToListAsync(ledger.ReadHouseholdAsync(household, CancellationToken.None));

        Assert.Equal([$"{a}#3", $"{a}#9", $"{b}#7"], lines.Select(l => $"{l.BatchId}#{l.LineNumber}"));
        Assert.Equal([-1200L, -4400L], lines.SelectMany(l => l.Items).Select(i => i.AmountMinor));
    }

    [Fact]
    public async Task A_household_with_more_rows_than_a_page_reads_back_whole()
    {
        var ledger = await NewLedgerAsync();
        var household = Unique("hh-many");
        var batch = Unique("batch");
        await ledger.AppendAsync([.. Enumerable.Range(1, 700).Select(i => Line(batch, i, -1.00m, household))], CancellationToken.None); // 1,400 rows

        var lines = await ToListAsync(ledger.ReadHouseholdAsync(household, CancellationToken.None));

        Assert.Equal(Enumerable.Range(1, 700), lines.Select(l => l.LineNumber));
        Assert.Equal(-70000, lines.Sum(l => l.BillAdjustmentsMinor));
    }

    [Fact]
    public async Task Corrections_and_their_publication_are_one_write_and_the_publication_is_pending_until_completed()
    {
        var ledger = await NewLedgerAsync();
        var household = Unique("hh");
        await ledger.AppendAsync([Line("2022-c", 4, 0m, household)], CancellationToken.None);
        var line = Assert.Single(await ToListAsync(ledger.ReadHouseholdAsync(household, CancellationToken.None)));
        var correction = LedgerItem.Of(Outcome(4, -44.00m, household).Adjustments[0], Currency.Eur, 1, "flag f-1: stored total 0.00 EUR, recomputed -44.00 EUR");

        var pending = await ledger.TryAppendCorrectionsAsync(line, [correction], "{\"payload\":1}", CancellationToken.None);
        var again = await ledger.TryAppendCorrectionsAsync(line, [correction], "{\"payload\":2}", CancellationToken.None);

        Assert.NotNull(pending);
        Assert.Null(again); // the same correction id: nothing written, not even a second publication
        var stored = await ledger.ReadLineAsync(line.Id, CancellationToken.None);
        Assert.NotNull(stored); // the publication is not an item
        var item = Assert.Single(stored.Items);
        Assert.Equal((-4400L, 1, LedgerItemKind.Correction, "flag f-1: stored total 0.00 EUR, recomputed -44.00 EUR"), (item.AmountMinor, item.Sequence, item.Kind, item.Note));
        Assert.Equal([new LedgerItemId("css-block", 0)], item.Corrects);
        Assert.True(stored.Eligible); // a late grant: priced not eligible, corrected since
        var later = SystemClock.Instance.GetCurrentInstant() + Duration.FromMinutes(10);
        Assert.Contains(await PendingAsync(ledger, later), p => p.Id == pending.Id && p.Payload == "{\"payload\":1}");
        Assert.DoesNotContain(await PendingAsync(ledger, later - Duration.FromMinutes(20)), p => p.Id == pending.Id); // too recent

        await ledger.CompletePublicationAsync(pending, CancellationToken.None);
        await ledger.CompletePublicationAsync(pending, CancellationToken.None);
        Assert.DoesNotContain(await PendingAsync(ledger, later), p => p.Id == pending.Id);
    }

    [Fact]
    public async Task Report_reads_give_what_the_report_derives_and_when_each_row_was_stored()
    {
        var ledger = await NewLedgerAsync();
        var household = Unique("hh-report");
        var before = SystemClock.Instance.GetCurrentInstant() - Duration.FromSeconds(5);
        await ledger.AppendAsync([Line("2022-r", 1, -44.00m, household, 9000m)], CancellationToken.None);
        var full = Assert.Single(await ToListAsync(ledger.ReadHouseholdAsync(household, CancellationToken.None)));

        LedgerLine? found = null;
        await foreach (var read in ledger.ReadAllForReportsAsync(CancellationToken.None))
            if (read.HouseholdId == household)
                found = read.Line;

        Assert.NotNull(found);
        Assert.Equal(full.ToReportLine(), found.ToReportLine());
        var after = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(5);
        Assert.InRange(found.StoredAt!.Value, before, after);
        Assert.InRange(Assert.Single(found.Items).StoredAt!.Value, before, after);
    }

    [Fact]
    public async Task A_line_storage_refuses_is_returned_refused_and_costs_no_other_line()
    {
        var ledger = await NewLedgerAsync();
        var batch = Unique("batch");

        var append = await ledger.AppendAsync([Line(batch, 1, -44.00m), Line(batch, 2, 0m, area: new string('a', 40_000)), Line(batch, 3, 0m)], CancellationToken.None);

        Assert.Equal([2], append.Refused.Select(r => r.Line.LineNumber));
        Assert.StartsWith("storage refused its ledger rows", append.Refused[0].Reason, StringComparison.Ordinal);
        Assert.Equal(3, append.RowsInserted);
        Assert.Equal([1, 3], (await ToListAsync(ledger.ReadBatchAsync(batch, CancellationToken.None))).Select(l => l.LineNumber).Order());
    }

    [Fact]
    public async Task Shards_hold_each_line_of_a_service_once_without_items_and_a_households_lines_together()
    {
        var ledger = await NewLedgerAsync();
        var (batch, authority) = (Unique("shards"), Unique("authority"));
        LedgerLine Of(int number, string household, string lineAuthority, string service) =>
            LedgerLine.Priced(batch, "operator", lineAuthority, service, Instant.FromUtc(2022, 3, 1, 0, 0), Outcome(number, -44.00m, household), null);
        var lines = Enumerable.Range(1, 40).Select(n => Of(n, $"{batch}-hh-{n % 13}", authority, "water"))
            .Append(Of(41, $"{batch}-hh-1", authority, "wastewater")).Append(Of(42, $"{batch}-hh-2", "other", "water")).ToList();
        await ledger.AppendAsync(lines, CancellationToken.None);

        var shards = new List<List<LedgerLine>>();
        for (var shard = 0; shard < ledger.Shards; shard++)
            shards.Add(await ToListAsync(ledger.ReadShardAsync(shard, Water(authority), null, CancellationToken.None)));

        Assert.True(ledger.Shards > 1);
        Assert.Equal(Enumerable.Range(1, 40), shards.SelectMany(s => s).Select(l => l.LineNumber).Order());
        Assert.All(shards.SelectMany(s => s), l => Assert.Empty(l.Items));
        Assert.All(shards.SelectMany(s => s), l => Assert.Equal((Year, 137.60m, 13760L), (l.Period, l.Quantity > 0 ? 137.60m : 0m, l.StandardBillMinor)));
        Assert.Equal(13, shards.SelectMany(s => s.Select(l => l.HouseholdId).Distinct()).Count());
        Assert.Contains(shards, s => s.Count > 0 && s.Count < 40);
    }

    [Fact]
    public async Task A_shard_read_after_a_line_gives_exactly_the_lines_after_it_a_households_lines_one_after_another()
    {
        var ledger = await NewLedgerAsync();
        var (batch, other, authority) = (Unique("resume"), Unique("resume"), Unique("authority"));
        LedgerLine Of(string lineBatch, int number, string household) =>
            LedgerLine.Priced(lineBatch, "operator", authority, "water", Instant.FromUtc(2022, 3, 1, 0, 0), Outcome(number, -44.00m, household), null);
        // 60 lines of 12 households, each household's lines in two batches, appended out of household order.
        await ledger.AppendAsync([.. Enumerable.Range(1, 30).Select(n => Of(batch, n, $"{batch}-hh-{n % 12}"))], CancellationToken.None);
        await ledger.AppendAsync([.. Enumerable.Range(1, 30).Select(n => Of(other, n, $"{batch}-hh-{(n * 7) % 12}"))], CancellationToken.None);

        var all = new List<LedgerLine>();
        for (var shard = 0; shard < ledger.Shards; shard++)
        {
            var lines = await ToListAsync(ledger.ReadShardAsync(shard, Water(authority), null, CancellationToken.None));
            all.AddRange(lines);
            var households = lines.Select(l => l.HouseholdId).ToList();
            Assert.Equal(households.Distinct().Count(), households.Where((h, i) => i == 0 || households[i - 1] != h).Count()); // no household comes back
            Assert.Equal(lines.Select(l => l.Id), (await ToListAsync(ledger.ReadShardAsync(shard, Water(authority), null, CancellationToken.None))).Select(l => l.Id));
            for (var i = 0; i < lines.Count; i++)
            {
                var rest = await ToListAsync(ledger.ReadShardAsync(shard, Water(authority), lines[i].Id, CancellationToken.None));
                Assert.Equal(lines.Skip(i + 1).Select(l => l.Id), rest.Select(l => l.Id));
            }
        }
        Assert.Equal(60, all.Count);
    }

    [Fact]
    public async Task A_shard_read_and_count_keep_the_lines_whose_period_ends_in_the_range_bounds_included()
    {
        var ledger = await NewLedgerAsync();
        var (batch, authority) = (Unique("range"), Unique("authority"));
        LedgerLine Ending(int number, LocalDate end, string service = "water", string? lineAuthority = null) =>
            LedgerLine.Priced(batch, "operator", lineAuthority ?? authority, service, Instant.FromUtc(2022, 3, 1, 0, 0),
                Outcome(number, -44.00m, $"{batch}-hh-{number % 5}", period: new DateInterval(end.PlusMonths(-1), end)), null);
        await ledger.AppendAsync(
        [
            Ending(1, new LocalDate(2021, 12, 31)), Ending(2, new LocalDate(2022, 1, 1)), Ending(3, new LocalDate(2022, 6, 30)),
            Ending(4, new LocalDate(2022, 12, 31)), Ending(5, new LocalDate(2023, 1, 1)), Ending(6, new LocalDate(2022, 6, 30), "wastewater"),
            Ending(7, new LocalDate(2022, 6, 30), lineAuthority: Unique("other")), Ending(8, new LocalDate(2022, 3, 31)), Ending(9, new LocalDate(2022, 9, 30)),
        ], CancellationToken.None);
        var range = new LedgerRange(authority, "water", new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

        var (read, counted) = (new List<int>(), 0L);
        for (var shard = 0; shard < ledger.Shards; shard++)
        {
            var lines = await ToListAsync(ledger.ReadShardAsync(shard, range, null, CancellationToken.None));
            var count = await ledger.CountShardAsync(shard, range, CancellationToken.None);
            Assert.Equal(lines.Count, count);
            read.AddRange(lines.Select(l => l.LineNumber));
            counted += count;
        }

        Assert.Equal([2, 3, 4, 8, 9], read.Order());
        Assert.Equal(5, counted);
    }
}
