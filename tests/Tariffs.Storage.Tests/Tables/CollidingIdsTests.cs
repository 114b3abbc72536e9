using Tariffs.Domain.Ledger;
using Azure.Data.Tables;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tests.Tables;

/// <summary>Ids that differ only in characters Table keys cannot hold, or in '|', are stored apart and read back apart.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CollidingIdsTests(AzuriteFixture azurite)
{
    private static readonly NodaTime.DateInterval Year = new(new NodaTime.LocalDate(2022, 1, 1), new NodaTime.LocalDate(2022, 12, 31));

    private async Task<TableServiceClient> ServiceAsync(string table)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync(table);
        return service;
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Batches_col_slash_1_and_col_hash_1_are_two_batches()
    {
        var store = new BatchStore(await ServiceAsync(TableNames.Batches));
        var slash = $"col/{Unique()}";
        var hash = slash.Replace('/', '#');

        await store.SaveHeaderAsync(new BatchRecord { BatchId = slash, Authority = "slash", Lines = 1, Chunks = 1 }, CancellationToken.None);
        await store.SaveHeaderAsync(new BatchRecord { BatchId = hash, Authority = "hash", Lines = 2, Chunks = 1 }, CancellationToken.None);
        await store.SaveChunkAsync(slash, new ChunkRecord { Chunk = 0, Priced = 1 }, CancellationToken.None);

        var first = await store.GetStatusAsync(slash, CancellationToken.None);
        var second = await store.GetStatusAsync(hash, CancellationToken.None);
        Assert.Equal(("slash", 1, BatchStatus.Completed), (first!.Authority, first.LinesReceived, first.State));
        Assert.Equal(("hash", 2, BatchStatus.Processing), (second!.Authority, second.LinesReceived, second.State));
        Assert.Null(await store.GetStatusAsync(slash.Replace('/', '_'), CancellationToken.None));
    }

    [Fact]
    public async Task Households_and_batches_differing_only_in_forbidden_characters_or_the_separator_keep_their_own_lines()
    {
        var ledger = new LedgerStore(await ServiceAsync(TableNames.Ledger));
        var u = Unique();
        string[] households = [$"h/{u}", $"h#{u}", $"h_{u}", $"h|b|{u}", $"h~2F{u}"];
        var batch = $"col/{u}";

        for (var i = 0; i < households.Length; i++)
            await ledger.AppendAsync([LedgerLine.Priced(i == 1 ? $"col#{u}" : batch, "operator", "a", "water", default, Outcome(1, households[i], 10m + i), null)],
                CancellationToken.None);

        foreach (var (household, i) in households.Select((h, i) => (h, i)))
        {
            var entries = new List<LedgerLine>();
            await foreach (var entry in ledger.ReadHouseholdAsync(household, CancellationToken.None))
                entries.Add(entry);
            var line = Assert.Single(entries);
            Assert.Equal((household, (10m + i) * 100), (line.HouseholdId, (decimal)line.BilledMinor));
        }
    }

    [Fact]
    public async Task Report_areas_R_slash_1_and_R_hash_1_are_two_cells_and_recomputing_them_succeeds()
    {
        var store = new ReportStore(await ServiceAsync(TableNames.Reports));
        var service = "water-" + Unique();
        EquityCell Cell(string area, int billed) => new() { Key = new EquityCellKey("2022", service, "a|b", area), Currency = "EUR", HouseholdsBilled = billed };

        await store.SaveAsync([Cell("R/1", 1), Cell("R#1", 2), Cell("R_1", 3)], DateTimeOffset.UnixEpoch, CancellationToken.None);
        await store.SaveAsync([Cell("R/1", 4), Cell("R#1", 5), Cell("R_1", 6)], DateTimeOffset.UnixEpoch, CancellationToken.None);

        var cells = new List<EquityCellEntity>();
        await foreach (var cell in store.QueryAsync(service, "2022", CancellationToken.None))
            cells.Add(cell);
        Assert.Equal([("R#1", 5), ("R/1", 4), ("R_1", 6)], cells.Select(c => (c.Cell.Key.Area, c.Cell.HouseholdsBilled)).OrderBy(c => c.Area, StringComparer.Ordinal));
    }

    private static LineOutcome Outcome(int lineNumber, string household, decimal billed) =>
        new(new BillingLine(lineNumber, household, "acc", "A", true, 4, Year, 120m, "m3", "DOM", billed), Currency.Eur, 137.60m, [], [], false);
}
