using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Tariffs.Storage.Export;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tests.Export;

/// <summary>
/// An export taken back: export an account, import it into a fresh Azurite, export that, and the two exports hold the
/// same rows (every property, every type) and the same blobs; a changed, missing or extra file is named and nothing
/// is imported; an account that holds data is refused.
/// </summary>
public sealed class ExportRoundTripTests : IAsyncLifetime
{
    private readonly AzuriteFixture source = new();
    private readonly AzuriteFixture target = new();
    private readonly string work = Path.Combine(Path.GetTempPath(), "tariffs-export-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(source.InitializeAsync(), target.InitializeAsync());
        await PopulateAsync(source.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(source.DisposeAsync(), target.DisposeAsync());
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
    }

    /// <summary>Rows of every property type, one partition of 250 rows (three transactions), two others; three blobs, one with a content type.</summary>
    private static async Task PopulateAsync(string connection)
    {
        await new StorageInitializer(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection),
            Microsoft.Extensions.Options.Options.Create(new Tariffs.Storage.Ledger.LedgerOptions())).EnsureCreatedAsync(CancellationToken.None);
        var ledger = new TableServiceClient(connection).GetTableClient(TableNames.Ledger);
        var at = new DateTimeOffset(2024, 2, 29, 23, 59, 58, 123, TimeSpan.Zero);
        var rows = Enumerable.Range(1, 250).Select(i => new TableEntity("00", RowKeys.Line(i))
        {
            ["Text"] = $"ligne {i} — é|/\\#?",
            ["Flag"] = i % 2 == 0,
            ["Count"] = i,
            ["Minor"] = 10_000_000_000L + i,
            ["Ratio"] = 2.0,
            ["Share"] = 0.1 + i,
            ["At"] = at.AddDays(i),
            ["Id"] = new Guid(i, 0, 0, new byte[8]),
            ["Bytes"] = new byte[] { 0, 1, 2, (byte)i },
        }).Concat([new TableEntity("01", "a"), new TableEntity("02", "b") { ["Empty"] = "" }]);
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
            foreach (var chunk in partition.Chunk(100))
                await ledger.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        await new TableServiceClient(connection).GetTableClient(TableNames.Rejections).AddEntityAsync(new TableEntity("batch", "1") { ["Reason"] = "quantity: must be 0 or more" });
        var catalog = new BlobServiceClient(connection).GetBlobContainerClient("catalog");
        await catalog.GetBlobClient("dunkerque/water.json").UploadAsync(BinaryData.FromString("{\"authority\":\"dunkerque\"}"),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } });
        await catalog.GetBlobClient("universal/restrictions/fr.json").UploadAsync(BinaryData.FromString("{}"));
        await new BlobServiceClient(connection).GetBlobContainerClient("batches").GetBlobClient("b-1").UploadAsync(BinaryData.FromBytes([0xEF, 0xBB, 0xBF, 0x7B, 0x7D]));
    }

    private StorageExporter Exporter(AzuriteFixture azurite) =>
        new(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString));

    private StorageImporter Importer(AzuriteFixture azurite) =>
        new(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString));

    /// <summary>The rows of a table file without their Timestamp (the service sets it at import).</summary>
    private static List<string> RowsOf(string folder, string table) =>
        File.ReadAllLines(Path.Combine(folder, "tables", table + ".jsonl"))
            .Select(line =>
            {
                var row = JsonSerializer.Deserialize<SortedDictionary<string, JsonElement>>(line)!;
                row.Remove("Timestamp");
                return JsonSerializer.Serialize(row);
            })
            .ToList();

    [Fact]
    public async Task An_imported_export_exports_the_same_rows_and_blobs()
    {
        var first = Path.Combine(work, "first");
        var manifest = await Exporter(source).ExportAsync(first, null, CancellationToken.None);

        var (rows, blobs) = await Importer(target).ImportAsync(first, null, CancellationToken.None);
        var second = Path.Combine(work, "second");
        var again = await Exporter(target).ExportAsync(second, null, CancellationToken.None);

        Assert.Equal(252, manifest.Files.Single(f => f.Name == TableNames.Ledger).Rows);
        Assert.Equal(254, rows); // with the ledger's partition count (table settings)
        Assert.Equal(3, blobs);
        foreach (var table in TableNames.All)
            Assert.Equal(RowsOf(first, table), RowsOf(second, table));
        Assert.Equal(manifest.Files.Where(f => f.Kind == ExportedFile.BlobKind).Select(f => (f.Name, f.Sha256, f.ContentType)),
            again.Files.Where(f => f.Kind == ExportedFile.BlobKind).Select(f => (f.Name, f.Sha256, f.ContentType)));
        var row = await new TableServiceClient(target.ConnectionString).GetTableClient(TableNames.Ledger).GetEntityAsync<TableEntity>("00", RowKeys.Line(7));
        Assert.Equal(10_000_000_007L, row.Value["Minor"]);
        Assert.Equal(2.0, row.Value["Ratio"]);
        Assert.IsType<double>(row.Value["Ratio"]);
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 23, 59, 58, 123, TimeSpan.Zero), row.Value.GetDateTimeOffset("At"));
        Assert.Equal(new byte[] { 0, 1, 2, 7 }, row.Value.GetBinary("Bytes"));
        Assert.Equal("ligne 7 — é|/\\#?", row.Value.GetString("Text"));
    }

    [Fact]
    public async Task A_changed_file_is_named_and_nothing_is_imported()
    {
        var folder = Path.Combine(work, "tampered");
        await Exporter(source).ExportAsync(folder, null, CancellationToken.None);
        var ledger = Path.Combine(folder, "tables", "ledger.jsonl");
        var text = await File.ReadAllTextAsync(ledger);
        await File.WriteAllTextAsync(ledger, text.Replace("\"Count\":7,", "\"Count\":8,", StringComparison.Ordinal), new UTF8Encoding(false));
        File.Delete(Path.Combine(folder, "blobs", "batches", "b-1"));
        await File.WriteAllTextAsync(Path.Combine(folder, "tables", "extra.jsonl"), "");

        var manifest = await ExportManifest.ReadAsync(folder, CancellationToken.None);
        var problems = await manifest.VerifyAsync(folder, CancellationToken.None);

        Assert.Contains(problems, p => p.StartsWith("tables/ledger.jsonl: SHA-256", StringComparison.Ordinal) && p.Contains("was changed", StringComparison.Ordinal));
        Assert.Contains("blobs/batches/b-1: missing.", problems);
        Assert.Contains("tables/extra.jsonl: not listed in the manifest.", problems);
        Assert.True(problems.Count == 3, string.Join("; ", problems));
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Importer(target).ImportAsync(folder, null, CancellationToken.None));
        Assert.Contains("tables/ledger.jsonl", refused.Message, StringComparison.Ordinal);
        Assert.False(await new BlobServiceClient(target.ConnectionString).GetBlobContainerClient("catalog").ExistsAsync());
        await foreach (var _ in new TableServiceClient(target.ConnectionString).QueryAsync())
            Assert.Fail("a table was created by an import that was refused");
    }

    [Fact]
    public async Task An_account_that_holds_data_is_refused()
    {
        var folder = Path.Combine(work, "into-used");
        await Exporter(source).ExportAsync(folder, null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Importer(source).ImportAsync(folder, null, CancellationToken.None));

        Assert.Contains("table 'ledger' is not empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains("container 'catalog' is not empty", refused.Message, StringComparison.Ordinal);
    }
    [Fact]
    public async Task An_account_a_host_started_on_imports_when_its_settings_are_the_exports_and_is_refused_otherwise()
    {
        var folder = Path.Combine(work, "into-started");
        await Exporter(source).ExportAsync(folder, null, CancellationToken.None);
        var connection = target.ConnectionString;
        StorageInitializer Started(int partitions) => new(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection),
            Microsoft.Extensions.Options.Options.Create(new Tariffs.Storage.Ledger.LedgerOptions { Partitions = partitions }));
        var settings = new TableServiceClient(connection).GetTableClient(TableNames.Settings);

        await Started(16).EnsureCreatedAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Importer(target).ImportAsync(folder, null, CancellationToken.None));
        Assert.Contains("table 'settings' holds ledger/partitions = Partitions=16, the export Partitions=8", refused.Message, StringComparison.Ordinal);
        await foreach (var _ in new TableServiceClient(connection).GetTableClient(TableNames.Ledger).QueryAsync<TableEntity>())
            Assert.Fail("a ledger row was imported by an import that was refused");

        await settings.DeleteEntityAsync("ledger", "partitions");
        await Started(8).EnsureCreatedAsync(CancellationToken.None);
        var (rows, _) = await Importer(target).ImportAsync(folder, null, CancellationToken.None);
        Assert.Equal(254, rows);
        Assert.Equal(8, (await settings.GetEntityAsync<TableEntity>("ledger", "partitions")).Value.GetInt32("Partitions"));
    }
}
