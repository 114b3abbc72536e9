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
        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.CreateTableIfNotExistsAsync(TableNames.ReportLines);
        var store = new ReportLineStore(tables, Options.Create(new LedgerOptions()));
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
