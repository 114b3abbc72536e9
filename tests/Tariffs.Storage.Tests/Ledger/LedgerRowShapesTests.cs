using Azure.Data.Tables;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests.Ledger;

/// <summary>
/// A ledger holding line rows of both shapes — every column apart, as stored before 2026-12-07, and the columns no query
/// filters on packed into <see cref="LineEntity.Details"/> — reads both alike through real storage: a household's range
/// query, the batch filter, the range filter on kind, authority, service and period end, and the report's read of
/// selected columns (which asks for <c>Details</c> on rows that have none).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerRowShapesTests(AzuriteFixture azurite)
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private static LedgerLine Line(string authority, string household, string batch, int number, string account, decimal billed) =>
        LedgerLine.Priced(batch, "op", authority, "water", Instant.FromUtc(2023, 1, 5, 10, 30),
            new LineOutcome(new BillingLine(number, household, account, "Téteghem", true, 3, Year, 95.5m, "m3", "DOM", billed), Currency.Eur, billed, [], [], false),
            1_250_000m, EligibilityBasis.None);

    [Fact]
    public async Task Rows_stored_with_every_column_apart_and_packed_rows_read_alike_through_every_query()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var table = tables.GetTableClient(TableNames.Ledger);
        await table.CreateIfNotExistsAsync();
        var ledger = new LedgerStore(tables);
        var authority = "shapes-" + Guid.NewGuid().ToString("N")[..12];
        var household = authority + "-hh";
        var old = Line(authority, household, authority + "-2022a", 1, "account-old", 120.40m);
        var packed = Line(authority, household, authority + "-2022b", 1, "account-new", 98.10m);

        var oldRow = LedgerRowCodec.EncodeLine(old, LedgerKeys.DefaultPartitions);
        LineDetails.Unpack(oldRow); // the row as stored before: every column apart
        Assert.False(oldRow.ContainsKey(LineEntity.Details));
        await table.AddEntityAsync(oldRow);
        await ledger.AppendAsync([packed], CancellationToken.None);
        var stored = await table.GetEntityAsync<TableEntity>(LedgerKeys.PartitionOf(household, LedgerKeys.DefaultPartitions), LedgerKeys.LineKey(packed.Id));
        Assert.Equal(["Authority", "BatchId", "Details", "Kind", "PeriodTo", "Service"],
            stored.Value.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal));

        var byHousehold = await ledger.ReadHouseholdAsync(household, CancellationToken.None).ToListAsync();
        Assert.Equal([Facts(old), Facts(packed)], byHousehold.Select(Facts));
        Assert.Equal(Facts(old), Facts(Assert.Single(await ledger.ReadBatchAsync(old.BatchId, CancellationToken.None).ToListAsync())));
        Assert.Equal(Facts(packed), Facts(Assert.Single(await ledger.ReadBatchAsync(packed.BatchId, CancellationToken.None).ToListAsync())));
        var shard = int.Parse(LedgerKeys.PartitionOf(household, LedgerKeys.DefaultPartitions), System.Globalization.NumberStyles.HexNumber);
        var range = new LedgerRange(authority, "water", new LocalDate(2022, 12, 31), new LocalDate(2022, 12, 31));
        Assert.Equal([Facts(old), Facts(packed)], (await ledger.ReadShardAsync(shard, range, null, CancellationToken.None).ToListAsync()).Select(Facts));
        Assert.Empty(await ledger.ReadShardAsync(shard, range with { To = new LocalDate(2022, 12, 30), From = new LocalDate(2022, 1, 1) }, null, CancellationToken.None).ToListAsync());

        var forReports = new List<LedgerLine>();
        await foreach (var read in ledger.ReadAllForReportsAsync(CancellationToken.None))
            if (read.Authority == authority)
                forReports.Add(read.Line ?? throw new InvalidOperationException($"{string.Join('/', read.Address)}: {read.Error}"));
        Assert.Equal([(12040L, "Téteghem", 95.5m, 1_250_000_00L), (9810L, "Téteghem", 95.5m, 1_250_000_00L)],
            forReports.OrderBy(l => l.BatchId, StringComparer.Ordinal).Select(l => (l.BilledMinor, l.Area, l.Quantity, l.AnnualIncomeMinor ?? 0)));
    }

    /// <summary>A line compared by value: no items, basis or storage time (lists compare by reference).</summary>
    private static LedgerLine Facts(LedgerLine line) => line with { Items = Array.Empty<LedgerItem>(), PricedBasis = null, StoredAt = null };

}
