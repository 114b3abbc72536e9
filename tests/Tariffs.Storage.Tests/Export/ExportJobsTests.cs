using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Storage.Export;
using Tariffs.Storage.Tables;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;

namespace Tariffs.Storage.Tests.Export;

/// <summary>
/// A queued export on Azurite (<see cref="ExportJobs"/>): its files in container <c>exports</c> are those
/// <c>tariffs export</c> writes of the same account (same paths, rows, sizes and checksums), each downloadable; and a
/// message delivered again after the export stopped after its fifth table resumes there: the five tables done are not
/// written again (their blobs keep their ETags), every later file is, and the manifest lists each file once; one stopped
/// halfway through the ledger goes on after its last block staged.
/// </summary>
public sealed class ExportJobsTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly AzuriteFixture azurite = new();
    private readonly InMemoryWorkQueues queues = new();
    private readonly string work = Path.Combine(Path.GetTempPath(), "tariffs-export-jobs-" + Guid.NewGuid().ToString("N")[..8]);
    private ExportJobs jobs = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        var connection = azurite.ConnectionString;
        await new StorageInitializer(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection),
            Microsoft.Extensions.Options.Options.Create(new Tariffs.Storage.Ledger.LedgerOptions())).EnsureCreatedAsync(CancellationToken.None);
        var tables = new TableServiceClient(connection);
        foreach (var (table, count) in new[] { (TableNames.Ledger, 230), (TableNames.Eligibility, 12), (TableNames.HouseholdFacts, 7) })
            foreach (var chunk in Enumerable.Range(1, count).Select(i => new TableEntity("p", $"{i:D5}") { ["Text"] = $"{table} {i}", ["Minor"] = 1_000L * i }).Chunk(100))
                await tables.GetTableClient(table).SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        var blobs = new BlobServiceClient(connection);
        await blobs.GetBlobContainerClient("catalog").GetBlobClient("dunkerque/water.json").UploadAsync(BinaryData.FromString("{\"authority\":\"dunkerque\"}"));
        await blobs.GetBlobContainerClient("batches").GetBlobClient("incoming/b-1.json").UploadAsync(BinaryData.FromString("{\"batchId\":\"b-1\"}"));
        jobs = new ExportJobs(tables, blobs, new QueueServiceClient(connection), queues);
    }

    public async Task DisposeAsync()
    {
        await azurite.DisposeAsync();
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
    }

    private BlobContainerClient Container => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ExportJobs.ContainerName);

    private static IEnumerable<(string, string, long?, long, string)> Listed(IEnumerable<ExportedFile> files) =>
        files.Select(f => (f.Path, f.Kind, f.Rows, f.Bytes, f.Sha256));

    private async Task<ExportJob> RunQueuedAsync()
    {
        var job = await jobs.StartAsync("dunkerque", "tester", CancellationToken.None);
        var message = Assert.Single(queues.Take(QueueNames.Exports));
        await jobs.HandleMessageAsync(message.Body, lastDelivery: false, CancellationToken.None);
        return (await jobs.FindAsync(job.Id, CancellationToken.None))!;
    }

    private async Task<ExportManifest> ManifestAsync(string id)
    {
        var file = (await jobs.OpenFileAsync(id, ExportManifest.FileName, CancellationToken.None))!.Value;
        await using var content = file.Content;
        return (await JsonSerializer.DeserializeAsync<ExportManifest>(content, Web))!;
    }

    [Fact]
    public async Task A_queued_export_writes_the_files_the_command_writes_each_one_downloadable()
    {
        var job = await RunQueuedAsync();
        var command = await new StorageExporter(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString)).ExportAsync(work, null, CancellationToken.None);

        Assert.Equal((ExportJob.Completed, 1, TableNames.All.Count, 230L + 12 + 7 + 1), (job.State, job.Runs, job.TablesDone, job.RowsWritten)); // and the partition setting
        var manifest = await ManifestAsync(job.Id);
        Assert.Equal(Listed(command.Files), Listed(manifest.Files));
        Assert.Equal(Listed(manifest.Files), Listed(job.Files));
        foreach (var listed in manifest.Files)
        {
            var file = (await jobs.OpenFileAsync(job.Id, listed.Path, CancellationToken.None))!.Value;
            await using var content = file.Content;
            Assert.Equal((listed.Sha256, listed.Bytes), (Convert.ToHexStringLower(await SHA256.HashDataAsync(content)), file.Length));
        }
        Assert.Null(await jobs.OpenFileAsync(job.Id, "tables/nothing.jsonl", CancellationToken.None));
        Assert.Null(await jobs.OpenFileAsync(job.Id, "export.json", CancellationToken.None));
    }

    [Fact]
    public async Task A_message_delivered_again_after_a_stop_resumes_after_the_last_table_done()
    {
        var first = await RunQueuedAsync();
        var firstManifest = await ManifestAsync(first.Id);
        // What a crash after the fifth table leaves: five steps recorded, the state running, no manifest yet.
        var stopped = first with { State = ExportJob.Running, CompletedAt = null, StepsDone = [.. first.StepsDone.Take(5)], Files = [.. first.Files.Take(5)] };
        await Container.GetBlobClient($"{first.Id}/export.json").UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(stopped, TariffsJson.Options)), overwrite: true);
        await Container.GetBlobClient($"{first.Id}/files/{ExportManifest.FileName}").DeleteAsync();
        var before = await ETagsAsync(first.Id);

        await jobs.HandleMessageAsync(JsonSerializer.Serialize(new ExportMessage(first.Id), TariffsJson.Options), lastDelivery: false, CancellationToken.None);

        var resumed = (await jobs.FindAsync(first.Id, CancellationToken.None))!;
        var after = await ETagsAsync(first.Id);
        Assert.Equal((ExportJob.Completed, 2), (resumed.State, resumed.Runs));
        var done = first.Files.Take(5).Select(f => f.Path).ToList();
        Assert.All(done, path => Assert.Equal(before[path], after[path]));
        Assert.All(first.Files.Skip(5), f => Assert.NotEqual(before[f.Path], after[f.Path]));
        Assert.Equal(Listed(firstManifest.Files), Listed((await ManifestAsync(first.Id)).Files));
        Assert.Equal(resumed.Files.Count, resumed.Files.Select(f => f.Path).Distinct().Count());
    }

    private async Task<Dictionary<string, Azure.ETag>> ETagsAsync(string id)
    {
        var tags = new Dictionary<string, Azure.ETag>(StringComparer.Ordinal);
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/files/", CancellationToken.None))
            tags[blob.Name[$"{id}/files/".Length..]] = blob.Properties.ETag!.Value;
        return tags;
    }

    [Fact]
    public async Task A_table_stopped_halfway_goes_on_after_its_last_block_staged_and_gives_the_uninterrupted_file()
    {
        // 2,300 ledger rows of about 50 bytes: pages of 100 rows (the first, before the rows' size is known), 1,000, 1,000
        // and 200, each its own block (one byte a block at most).
        var connection = azurite.ConnectionString;
        foreach (var chunk in Enumerable.Range(1, 2_070).Select(i => new TableEntity("q", $"{i:D5}") { ["Text"] = $"more {i}", ["Minor"] = 7L * i }).Chunk(100))
            await new TableServiceClient(connection).GetTableClient(TableNames.Ledger).SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        ExportJobs On(TableServiceClient tables) => new(tables, new BlobServiceClient(connection), new QueueServiceClient(connection), queues, blockBytes: 1);
        var job = await On(new TableServiceClient(connection)).StartAsync(null, "tester", CancellationToken.None);
        var message = Assert.Single(queues.Take(QueueNames.Exports));

        await Assert.ThrowsAsync<IOException>(() => On(new StoppingTables(connection, TableNames.Ledger, pagesBeforeStop: 2)).HandleMessageAsync(message.Body, lastDelivery: false, CancellationToken.None));
        var stopped = (await jobs.FindAsync(job.Id, CancellationToken.None))!;
        Assert.Equal((ExportJob.Running, TableNames.Ledger, 2, 1_100L), (stopped.State, stopped.InProgress?.Table, stopped.InProgress?.Blocks, stopped.InProgress?.Rows));
        Assert.DoesNotContain("table:" + TableNames.Ledger, stopped.StepsDone);

        var reading = new StoppingTables(connection, TableNames.Ledger, pagesBeforeStop: int.MaxValue);
        await On(reading).HandleMessageAsync(message.Body, lastDelivery: false, CancellationToken.None);

        Assert.Equal(1_200, reading.RowsServed); // the third and fourth pages only
        var resumed = (await jobs.FindAsync(job.Id, CancellationToken.None))!;
        Assert.Equal((ExportJob.Completed, 2, (TableProgress?)null), (resumed.State, resumed.Runs, resumed.InProgress));
        var command = await new StorageExporter(new TableServiceClient(connection), new BlobServiceClient(connection), new QueueServiceClient(connection))
            .ExportAsync(work, null, CancellationToken.None);
        Assert.Equal(2_300, command.Files.Single(f => f.Name == TableNames.Ledger).Rows);
        Assert.Equal(Listed(command.Files), Listed((await ManifestAsync(job.Id)).Files));
    }
}
