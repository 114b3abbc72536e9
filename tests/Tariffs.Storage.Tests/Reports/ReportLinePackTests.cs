using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Domain.Social;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests.Reports;

/// <summary>
/// Lines stored for the first time are projected packed, several to a row; a line's own row, written by a later save,
/// prevails over its packed copies whichever reaches storage first; every line of a unit is read exactly once, however
/// many packs hold it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportLinePackTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_unit_of_packed_and_corrected_lines_reads_each_line_once_as_last_saved()
    {
        var (tables, store) = await StoreAsync();
        var authority = "pack-" + Guid.NewGuid().ToString("N")[..8];
        var lines = Enumerable.Range(1, 3_000).Select(n => Line(authority, $"hh-{n % 700:D4}", n)).ToList();
        var at = Instant.FromUtc(2023, 1, 5, 8, 0);
        var corrected = lines[10] with { Items = [new LedgerItem("grant", "p", RuleStep.Credit, -4_400, 1, "", "", lines[10].Period, []) { StoredAt = at }] };

        // The correction's own row first, the chunk's packs after: the own row still prevails.
        await store.SaveAsync([corrected], at, CancellationToken.None);
        var transactions = await store.SaveNewAsync(lines, at, CancellationToken.None);
        // A rebuild packs the same lines again, grouped otherwise: each is still read once.
        await store.SaveNewAsync(lines.Where((_, i) => i % 3 == 0), at + Duration.FromSeconds(1), CancellationToken.None);

        var read = new List<LedgerLine>();
        await foreach (var r in store.ReadUnitAsync(new ReportUnit(authority, "water", 2022), CancellationToken.None))
            read.Add(r.Line!);
        Assert.Equal(3_000, read.Count);
        Assert.Equal(3_000, read.Select(l => l.Id).Distinct().Count());
        Assert.Equal(lines.Sum(l => l.BilledMinor), read.Sum(l => l.BilledMinor));
        Assert.Equal(-4_400, read.Single(l => l.Id == corrected.Id).Items.Single().AmountMinor);
        Assert.Equal(at, read.Single(l => l.Id == lines[11].Id).StoredAt);
        Assert.Equal(2_600_000L, read.Single(l => l.Id == lines[11].Id).AnnualIncomeMinor);
        // 3,000 lines of about 150 bytes: a few packs per partition, not one row per line.
        Assert.InRange(transactions, LedgerKeys.DefaultPartitions, 3 * LedgerKeys.DefaultPartitions);
        var rows = 0; // the rebuild's packs hold a third of the lines
        await foreach (var _ in tables.GetTableClient(TableNames.ReportLines).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Authority eq {authority}"), select: ["RowKey"]))
            rows++;
        Assert.InRange(rows, 1 + 2 * LedgerKeys.DefaultPartitions, 1 + 4 * LedgerKeys.DefaultPartitions);
    }

    [Fact]
    public async Task A_correction_of_a_household_whose_key_sorts_after_the_packs_prevails_over_its_packed_copy()
    {
        var (_, store) = await StoreAsync();
        var authority = "sort-" + Guid.NewGuid().ToString("N")[..8];
        var at = Instant.FromUtc(2023, 1, 5, 8, 0);
        // 'é' and '}' sort after "|pack|": these lines' own rows come after the packs in the partition.
        var lines = new[] { Line(authority, "élodie-1", 1), Line(authority, "}1", 2), Line(authority, "anne-1", 3) };
        var corrected = lines.Select(l => l with { Items = [new LedgerItem("grant", "p", RuleStep.Credit, -4_400, 1, "", "", l.Period, []) { StoredAt = at }] }).ToList();

        await store.SaveNewAsync(lines, at, CancellationToken.None);
        await store.SaveAsync(corrected, at, CancellationToken.None);

        var read = new List<LedgerLine>();
        await foreach (var r in store.ReadUnitAsync(new ReportUnit(authority, "water", 2022), CancellationToken.None))
            read.Add(r.Line!);
        Assert.Equal(["anne-1", "}1", "élodie-1"], read.Select(l => l.HouseholdId).Order(StringComparer.Ordinal));
        Assert.All(read, l => Assert.Equal(-4_400, l.Items.Single().AmountMinor));
    }

    [Fact]
    public async Task The_eligibility_ways_of_a_line_and_its_corrections_are_projected_and_packs_written_before_them_read_as_unknown()
    {
        var (_, store) = await StoreAsync();
        var authority = "ways-" + Guid.NewGuid().ToString("N")[..8];
        var at = Instant.FromUtc(2023, 1, 5, 8, 0);
        var packed = Line(authority, "hh-1", 1) with { PricedBasis = new EligibilityBasis([new ProgramBasis("p", EligibilityWays.Both)]) };
        var unknown = Line(authority, "hh-2", 2);
        var own = Line(authority, "hh-3", 3) with
        {
            PricedBasis = EligibilityBasis.None,
            Items = [new LedgerItem("grant", "p", RuleStep.Credit, -4_400, 1, "", "", Line(authority, "hh-3", 3).Period, [])
                { StoredAt = at, Basis = new EligibilityBasis([new ProgramBasis("p", EligibilityWays.Determined)]) }],
        };

        await store.SaveNewAsync([packed, unknown], at, CancellationToken.None);
        await store.SaveAsync([own], at, CancellationToken.None);

        var read = new Dictionary<string, LedgerLine>();
        await foreach (var r in store.ReadUnitAsync(new ReportUnit(authority, "water", 2022), CancellationToken.None))
            read[r.Line!.HouseholdId] = r.Line;
        Assert.Equal(EligibilityWays.Both, read["hh-1"].ToReportLine().Ways);
        Assert.Null(read["hh-2"].ToReportLine().Ways);
        Assert.Equal((EligibilityWays.None, EligibilityWays.Determined), (read["hh-3"].PricedBasis!.Ways, read["hh-3"].ToReportLine().Ways!.Value));
        // A pack entry of 13 elements (written before the basis) reads as unknown; an item without ways records none.
        var old = ReportLineCodec.ReadPack("""[["hh-4|b-1|0000000004","A","2022-12-31","EUR",1000,1000,true,"12.5","m3",0,null,0,"4:-100:0"]]""", authority, "water", ["p", "r"],
            new HashSet<string>()).Single().Line!;
        Assert.Null(old.PricedBasis);
        Assert.Null(old.Items.Single().Basis);
    }

    [Fact]
    public async Task Removing_the_copies_taken_before_a_rebuild_leaves_one_copy_of_each_line_and_keeps_those_saved_since()
    {
        var (tables, store) = await StoreAsync();
        var authority = "copies-" + Guid.NewGuid().ToString("N")[..8];
        var at = Instant.FromUtc(2023, 1, 5, 8, 0);
        var lines = Enumerable.Range(1, 3_500).Select(n => Line(authority, $"hh-{n:D4}", n)).ToList();
        var (a, b, c) = (lines[..2_000], lines[2_000..3_000], lines[3_000..]);
        await store.SaveNewAsync(a, at, CancellationToken.None); // two chunks
        await store.SaveNewAsync(b, at, CancellationToken.None);
        var ofA = await PackKeysAsync(tables, authority);
        var copies = (await store.CopiesAsync(CancellationToken.None)).Where(k => k.Address[0].StartsWith(authority, StringComparison.Ordinal)).ToList();
        Assert.Equal(ofA.Count, copies.Count);
        Assert.All(copies, k => Assert.False(string.IsNullOrEmpty(k.Version)));

        // The rebuild packs A otherwise (new packs) and B as its chunk did (the same packs, saved again); chunk C runs meanwhile.
        await store.SaveNewAsync(a.Where((_, i) => i % 2 == 0), at, CancellationToken.None);
        await store.SaveNewAsync(a.Where((_, i) => i % 2 == 1), at, CancellationToken.None);
        await store.SaveNewAsync(b, at, CancellationToken.None);
        await store.SaveNewAsync(c, at, CancellationToken.None);
        var before = await PackKeysAsync(tables, authority);
        var removed = await store.RemoveCopiesAsync(copies, CancellationToken.None);

        var after = await PackKeysAsync(tables, authority);
        var packedB = await PackKeysAsync(tables, authority, b);
        Assert.Equal(copies.Count - packedB.Count, removed); // A's chunk packs only
        Assert.Equal(before.Except(copies.Select(k => k.Address[1])).Union(packedB).Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
        var read = new List<string>();
        var entries = 0;
        await foreach (var row in tables.GetTableClient(TableNames.ReportLines).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Authority eq {authority}")))
            entries += System.Text.Json.JsonDocument.Parse(row.GetString("Lines")).RootElement.GetArrayLength();
        await foreach (var r in store.ReadUnitAsync(new ReportUnit(authority, "water", 2022), CancellationToken.None))
            read.Add(r.Line!.Id.ToString());
        Assert.Equal(3_500, entries); // each line in exactly one pack
        Assert.Equal(3_500, read.Distinct().Count());
        Assert.Equal(3_500, read.Count);
        // Again: every copy is gone or saved again since, and none is removed.
        Assert.Equal(0, await store.RemoveCopiesAsync(copies, CancellationToken.None));
        Assert.Equal(after.Order(StringComparer.Ordinal), (await PackKeysAsync(tables, authority)).Order(StringComparer.Ordinal));
    }

    /// <summary>The row keys of the packs of <paramref name="authority"/>, or of those holding the first of <paramref name="of"/>'s lines in each partition.</summary>
    private static async Task<List<string>> PackKeysAsync(TableServiceClient tables, string authority, IReadOnlyList<LedgerLine>? of = null)
    {
        var firsts = of?.Select(l => LedgerKeys.LineKey(l.Id)).ToHashSet();
        var keys = new List<string>();
        await foreach (var row in tables.GetTableClient(TableNames.ReportLines).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Authority eq {authority}"), select: ["RowKey"]))
            if (firsts is null || firsts.Any(f => row.RowKey.StartsWith(ReportLineStore.PackPrefix + f + "|", StringComparison.Ordinal)))
                keys.Add(row.RowKey);
        return keys;
    }

    private async Task<(TableServiceClient Tables, ReportLineStore Store)> StoreAsync()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.CreateTableIfNotExistsAsync(TableNames.ReportLines);
        return (tables, new ReportLineStore(tables, Options.Create(new LedgerOptions())));
    }

    private static LedgerLine Line(string authority, string household, int number)
    {
        var period = new DateInterval(new LocalDate(2022, 12, 1), new LocalDate(2022, 12, 31));
        return new LedgerLine(new LedgerLineId(household, "b-1", number), "op", authority, "water", Currency.Eur, "acc", $"z{number % 5}", true, 2, period, 12.5m, "m3", "DOM",
            1_000 + number, 1_000, number % 3 == 0, Instant.FromUtc(2023, 1, 5, 8, 0), [])
        {
            AnnualIncomeMinor = number % 2 == 0 ? 2_600_000 : null,
        };
    }
}
