using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Domain.Social;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IReportLines"/>, run against the in-memory and the Table adapter: a unit read returns
/// exactly the lines of that unit (authority, service and the year the period ends), each with what the report derives
/// from it; a line saved again is replaced whole, items included; a line or item whose stored instant is unknown
/// takes the instant of its save, a known one is kept.
/// </summary>
public abstract class ReportLinesContract
{
    private static readonly Instant Saved = Instant.FromUtc(2023, 1, 10, 8, 0);
    private static readonly DateInterval Year2022 = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    /// <summary>A store, maybe shared with other tests (each test uses authorities of its own).</summary>
    protected abstract Task<IReportLines> NewLinesAsync();

    private static string Unique() => $"auth-{Guid.NewGuid():N}";

    private static LedgerItem Item(RuleStep step, long amountMinor, int sequence = 0, Instant? storedAt = null) =>
        new("css-block", "css", step, amountMinor, sequence, "2022-01-01", "Délibération 2022", Year2022, []) { StoredAt = storedAt };

    private static LedgerLine Line(string authority, int number, DateInterval? period = null, string service = "water", params LedgerItem[] items) =>
        new(new LedgerLineId($"hh-{number:D4}", "batch-1", number), "op", authority, service, Currency.Eur, "acc", $"zone-{number % 3}", true, 4,
            period ?? Year2022, 120.5m + number, "m3", "DOM", 13_760 + number, 13_760, items.Length > 0, Instant.FromUtc(2022, 3, 1, 0, 0), items)
        {
            OverchargeMinor = number % 4 == 0 ? 250 : 0,
            AnnualIncomeMinor = number % 2 == 0 ? 1_600_000 : null,
        };

    private static async Task<List<LedgerLine>> ReadAsync(IReportLines lines, ReportUnit unit)
    {
        var read = new List<LedgerRead>();
        await foreach (var line in lines.ReadUnitAsync(unit, CancellationToken.None))
            read.Add(line);
        Assert.All(read, r => Assert.Null(r.Error));
        Assert.All(read, r => Assert.Equal((r.Line!.Authority, r.Line.Service, r.Line.HouseholdId), (r.Authority, r.Service, r.HouseholdId)));
        return [.. read.Select(r => r.Line!).OrderBy(l => l.LineNumber)];
    }

    [Fact]
    public async Task A_unit_read_returns_exactly_its_lines_with_what_the_report_derives_from_them()
    {
        var store = await NewLinesAsync();
        var authority = Unique();
        var unit = new ReportUnit(authority, "water", 2022);
        var ofUnit = Enumerable.Range(1, 250) // more than one transaction per partition
            .Select(i => Line(authority, i, items: i % 5 == 0 ? [Item(RuleStep.PriceReplacement, -4_400), Item(RuleStep.Payment, -1_000)] : []))
            .ToList();
        LedgerLine[] others =
        [
            Line(authority, 1_001, new DateInterval(new LocalDate(2022, 12, 15), new LocalDate(2023, 1, 14))), // ends in 2023
            Line(authority, 1_002, service: "electricity"),
            Line(Unique(), 1_003),
        ];

        Assert.True(await store.SaveAsync([.. ofUnit, .. others], Saved, CancellationToken.None) >= 1);

        var read = await ReadAsync(store, unit);
        Assert.Equal(ofUnit.Select(l => l.ToReportLine()), read.Select(l => l.ToReportLine()));
        Assert.Equal(ofUnit.Select(l => l.Id), read.Select(l => l.Id));
        Assert.Equal((-4_400L, -1_000L, true), (read[4].BillAdjustmentsMinor, read[4].PaymentsMinor, read[4].Eligible)); // line 5, worked out by hand
        Assert.Equal([1_001], (await ReadAsync(store, new ReportUnit(authority, "water", 2023))).Select(l => l.LineNumber));
    }

    [Fact]
    public async Task A_line_saved_again_is_replaced_whole_items_included()
    {
        var store = await NewLinesAsync();
        var authority = Unique();
        var unit = new ReportUnit(authority, "water", 2022);
        await store.SaveAsync([Line(authority, 1, items: [Item(RuleStep.PriceReplacement, -4_400)])], Saved, CancellationToken.None);

        var corrected = Line(authority, 1, items: [Item(RuleStep.PriceReplacement, -4_400, storedAt: Saved), Item(RuleStep.PriceReplacement, 4_400, sequence: 1)]);
        await store.SaveAsync([corrected], Saved + Duration.FromHours(1), CancellationToken.None);
        Assert.Equal([(-4_400L, Saved), (4_400L, Saved + Duration.FromHours(1))],
            Assert.Single(await ReadAsync(store, unit)).Items.Select(i => (i.AmountMinor, i.StoredAt!.Value)));

        await store.SaveAsync([Line(authority, 1)], Saved + Duration.FromHours(2), CancellationToken.None);
        var replaced = Assert.Single(await ReadAsync(store, unit));
        Assert.Empty(replaced.Items);
        Assert.Equal((0L, false), (replaced.BillAdjustmentsMinor, replaced.Eligible));
    }

    [Fact]
    public async Task Unknown_stored_instants_take_the_save_s_and_known_ones_are_kept()
    {
        var store = await NewLinesAsync();
        var authority = Unique();
        var earlier = Instant.FromUtc(2022, 6, 1, 12, 30);
        var line = Line(authority, 7, items: [Item(RuleStep.Credit, -500, storedAt: earlier), Item(RuleStep.Credit, -200, sequence: 1)]) with { StoredAt = earlier };

        await store.SaveAsync([line, Line(authority, 8)], Saved, CancellationToken.None);

        var read = await ReadAsync(store, new ReportUnit(authority, "water", 2022));
        Assert.Equal([earlier, Saved], read.Select(l => l.StoredAt!.Value));
        Assert.Equal([(RuleStep.Credit, -500L, earlier), (RuleStep.Credit, -200L, Saved)], read[0].Items.Select(i => (i.Step, i.AmountMinor, i.StoredAt!.Value)));
        Assert.Equal(0, await store.SaveAsync([], Saved, CancellationToken.None));
    }
}
