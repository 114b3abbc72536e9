using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Storage.Export;
using Tariffs.Storage.Ledger;
using Tariffs.Testing;

namespace Tariffs.Storage.Tests.Export;

/// <summary>
/// The ledger of an export as CSV with a data dictionary: one row per line and per item (a correction with its note),
/// amounts in euros, text quoted by RFC 4180; the files and the dictionary are in the manifest with their SHA-256, the
/// export verifies whole, and a changed CSV file is named.
/// </summary>
public sealed class LedgerCsvTests : IAsyncLifetime
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
    private readonly AzuriteFixture azurite = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tariffs-csv-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        await new StorageInitializer(new TableServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString),
                Microsoft.Extensions.Options.Options.Create(new LedgerOptions()))
            .EnsureCreatedAsync(CancellationToken.None);
        var ledger = new LedgerStore(new TableServiceClient(azurite.ConnectionString));
        var legal = new LegalReference("Délibération 2022");
        var line = new BillingLine(1, "hh-1", "acc, \"main\"", "59183-A", true, 4, Year, 120m, "m3", "DOM", 137.60m);
        var adjustment = new Adjustment("css-block", "css", RuleStep.PriceReplacement, -44.00m, Year,
            [new AdjustmentSegment(Year, "2022-01-01", legal, "block 1: 80 at 0.34 instead of 0.89", -44.00m)]);
        var priced = LedgerLine.Priced("b-1", "op", "dunkerque", "water", Instant.FromUtc(2023, 1, 5, 8, 0),
            new LineOutcome(line, Currency.Eur, 137.60m, [], [adjustment], true), 18_000.50m);
        await ledger.AppendAsync([priced], CancellationToken.None);
        var correction = LedgerItem.Of(adjustment with { Amount = -1.00m }, Currency.Eur, 1, "stored total -44.00 EUR, recomputed -45.00 EUR");
        await ledger.TryAppendCorrectionsAsync(priced, [correction], "{}", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await azurite.DisposeAsync();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_ledger_exports_as_csv_rows_with_a_data_dictionary_listed_in_the_manifest_and_verified()
    {
        var manifest = await new StorageExporter(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString)).ExportAsync(folder, null, CancellationToken.None);

        var lines = File.ReadAllText(Path.Combine(folder, "csv", "ledger-lines.csv")).Split("\r\n");
        Assert.StartsWith("authority,service,operator,batchId,lineNumber,householdId,accountId,area,", lines[0], StringComparison.Ordinal);
        Assert.Equal(("", 3), (lines[^1], lines.Length)); // header, one line, the final CRLF
        var row = lines[1];
        Assert.StartsWith("dunkerque,water,op,b-1,1,hh-1,\"acc, \"\"main\"\"\",59183-A,true,4,2022-01-01,2022-12-31,120,m3,DOM,EUR,137.60,137.60,-45.00,92.60,0.00,0.00,true,18000.50,", row, StringComparison.Ordinal);
        var items = File.ReadAllText(Path.Combine(folder, "csv", "ledger-items.csv")).Split("\r\n");
        Assert.Equal(4, items.Length);
        Assert.StartsWith("b-1,1,hh-1,css-block,css,0,adjustment,PriceReplacement,-44.00,EUR,2022-01-01,2022-12-31,2022-01-01,Délibération 2022,block 1: 80 at 0.34 instead of 0.89,,,", items[1], StringComparison.Ordinal);
        Assert.StartsWith("b-1,1,hh-1,css-block,css,1,correction,PriceReplacement,-1.00,EUR,", items[2], StringComparison.Ordinal);
        Assert.Contains(",css-block#0,\"stored total -44.00 EUR, recomputed -45.00 EUR\",", items[2], StringComparison.Ordinal);

        var csv = manifest.Files.Where(f => f.Kind == ExportedFile.RenderingKind).ToDictionary(f => f.Path);
        Assert.Equal((1L, 2L), (csv["csv/ledger-lines.csv"].Rows!.Value, csv["csv/ledger-items.csv"].Rows!.Value));
        Assert.Equal((await ExportManifest.MeasureAsync(Path.Combine(folder, "csv", "ledger-items.csv"), CancellationToken.None)).Sha256, csv["csv/ledger-items.csv"].Sha256);
        var dictionary = await File.ReadAllTextAsync(Path.Combine(folder, "data-dictionary.md"));
        Assert.Contains("data-dictionary.md", csv.Keys);
        foreach (var column in LedgerCsv.Columns)
            Assert.Contains($"| `{column.Name}` | {column.Type} |", dictionary, StringComparison.Ordinal);
        Assert.Contains("| `tables/ledger.jsonl` | table | 4 |", dictionary, StringComparison.Ordinal); // the line, its two items, the correction's pending publication
        Assert.Empty(await (await ExportManifest.ReadAsync(folder, CancellationToken.None)).VerifyAsync(folder, CancellationToken.None));

        await File.AppendAllTextAsync(Path.Combine(folder, "csv", "ledger-items.csv"), "b-1,2\r\n");
        Assert.Contains(await (await ExportManifest.ReadAsync(folder, CancellationToken.None)).VerifyAsync(folder, CancellationToken.None),
            p => p.StartsWith("csv/ledger-items.csv: SHA-256", StringComparison.Ordinal));
    }
}
