using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tests.Reports;

/// <summary>
/// The report tables keep the stored format rows had when each column was a property of a typed entity: a row written
/// as it was then reads back the same cell, and a cell is written with exactly those columns and types.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportTablesTests(AzuriteFixture azurite)
{
    /// <summary>Every stored column of a cell and its table type, as the typed entity stored them (ComputedAt aside).</summary>
    private static readonly (string Name, Type Type)[] StoredColumns =
    [
        ("AdjustmentsTotalMinor", typeof(long)), ("Area", typeof(string)), ("Authority", typeof(string)), ("BilledTotalMinor", typeof(long)),
        ("BlockedRestrictions", typeof(int)), ("CompensationTotalMinor", typeof(long)), ("Currency", typeof(string)), ("EligibilityHidden", typeof(bool)),
        ("HouseholdsAboveThresholdAfter", typeof(int)), ("HouseholdsAboveThresholdBefore", typeof(int)), ("HouseholdsBilled", typeof(int)),
        ("HouseholdsDetermined", typeof(int)), ("HouseholdsDeterminedNotReceived", typeof(int)), // added with the take-up split (read as 0 from older rows)
        ("HouseholdsEligible", typeof(int)), ("HouseholdsFlagged", typeof(int)), ("HouseholdsReceived", typeof(int)), ("HouseholdsWithKnownIncome", typeof(int)), ("IncomeHidden", typeof(bool)),
        ("OverchargeFindings", typeof(int)), ("OverchargeTotalMinor", typeof(long)), ("PaymentsTotalMinor", typeof(long)), ("Period", typeof(string)),
        ("Provisional", typeof(bool)), ("QuantityBilled", typeof(string)), ("Service", typeof(string)), ("StandardTotalMinor", typeof(long)),
        ("Suppressed", typeof(bool)), ("Suppression", typeof(string)), ("Unit", typeof(string)),
    ];

    private static readonly DateTimeOffset At = new(2023, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private static EquityCell Cell(string service) => new()
    {
        Key = new EquityCellKey("2022", service, "auth", "A"),
        Currency = "EUR",
        Unit = "m3",
        HouseholdsBilled = 31,
        HouseholdsEligible = 17,
        HouseholdsReceived = 13,
        HouseholdsDetermined = 9,
        HouseholdsFlagged = 10,
        HouseholdsDeterminedNotReceived = 4,
        BilledTotalMinor = 5_000_000_123,
        StandardTotalMinor = 4_000_000_456,
        AdjustmentsTotalMinor = -789,
        PaymentsTotalMinor = 1011,
        CompensationTotalMinor = 1213,
        QuantityBilled = 1440.125m,
        HouseholdsWithKnownIncome = 11,
        HouseholdsAboveThresholdBefore = 7,
        HouseholdsAboveThresholdAfter = 5,
        OverchargeFindings = 3,
        OverchargeTotalMinor = 1415,
        BlockedRestrictions = 2,
        Suppression = SuppressionReason.Dominance,
        Provisional = true,
    };

    private async Task<TableServiceClient> ServiceAsync(params string[] tables)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        foreach (var table in tables)
            await service.CreateTableIfNotExistsAsync(table);
        return service;
    }

    [Fact]
    public async Task A_cell_is_stored_with_the_former_columns_and_types_and_reads_back_equal()
    {
        var service = "water-" + Guid.NewGuid().ToString("N")[..8];
        var tables = await ServiceAsync(TableNames.Reports);
        await new ReportStore(tables).SaveAsync([Cell(service)], At, CancellationToken.None);

        var raw = Assert.Single(await tables.GetTableClient(TableNames.Reports).QueryAsync<TableEntity>($"Service eq '{service}'").ToListAsync());
        var read = Assert.Single(await new ReportStore(tables).QueryAsync(service, "2022", CancellationToken.None).ToListAsync());

        Assert.Equal(StoredColumns, raw.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or "ComputedAt"))
            .Order(StringComparer.Ordinal).Select(k => (k, raw[k].GetType())));
        Assert.Equal(("1440.125", "Dominance", 5_000_000_123L), (raw.GetString("QuantityBilled"), raw.GetString("Suppression"), raw.GetInt64("BilledTotalMinor")));
        Assert.Equal(At, raw.GetDateTimeOffset("ComputedAt"));
        Assert.Equal(Cell(service), read.Cell);
        Assert.Equal((true, false, false, At), (read.Suppressed, read.EligibilityHidden, read.IncomeHidden, read.ComputedAt));
    }

    [Fact]
    public async Task A_row_written_as_the_typed_entity_wrote_it_reads_as_the_same_cell()
    {
        var service = "water-" + Guid.NewGuid().ToString("N")[..8];
        var tables = await ServiceAsync(TableNames.PublicReports);
        // Written before the take-up split: its three counts read as 0.
        var expected = Cell(service) with { HouseholdsDetermined = 0, HouseholdsFlagged = 0, HouseholdsDeterminedNotReceived = 0 };
        await tables.GetTableClient(TableNames.PublicReports).AddEntityAsync(new TableEntity(RowKeys.Join(service, "2022"), RowKeys.Join("auth", "A"))
        {
            ["Period"] = "2022", ["Service"] = service, ["Authority"] = "auth", ["Area"] = "A", ["Currency"] = "EUR", ["Unit"] = "m3",
            ["HouseholdsBilled"] = 31, ["HouseholdsEligible"] = 17, ["HouseholdsReceived"] = 13, ["BilledTotalMinor"] = 5_000_000_123L,
            ["StandardTotalMinor"] = 4_000_000_456L, ["AdjustmentsTotalMinor"] = -789L, ["PaymentsTotalMinor"] = 1011L, ["CompensationTotalMinor"] = 1213L,
            ["QuantityBilled"] = "1440.125", ["HouseholdsWithKnownIncome"] = 11, ["HouseholdsAboveThresholdBefore"] = 7, ["HouseholdsAboveThresholdAfter"] = 5,
            ["OverchargeFindings"] = 3, ["OverchargeTotalMinor"] = 1415L, ["BlockedRestrictions"] = 2, ["Suppressed"] = true, ["Suppression"] = "Dominance",
            ["Provisional"] = true, ["EligibilityHidden"] = false, ["IncomeHidden"] = true, ["ComputedAt"] = At,
        });

        var released = Assert.Single(await new PublicReportStore(tables).ReleasedAsync(CancellationToken.None), c => c.Key.Service == service);

        Assert.Equal(new PublicCell(expected, Hidden: true, EligibilityHidden: false, IncomeHidden: true, Instant.FromDateTimeOffset(At)), released);
    }

}
