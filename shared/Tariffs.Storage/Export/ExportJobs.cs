using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using System.Security.Cryptography;
using Azure.Storage.Queues;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Export;

/// <summary>
/// Exports queued by the regulator (<c>POST /api/exports</c>): the same export as <c>tariffs export</c>
/// (<see cref="StorageExporter"/>, the same files and manifest) written into blob container <c>exports</c>, one folder
/// per export: <c>{id}/export.json</c> (the <see cref="ExportJob"/>: state and progress) and <c>{id}/files/{path}</c>
/// (each file of the export, <c>manifest.json</c> last). One message on queue <c>exports</c> runs it; each step — a
/// table, a blob, the renderings — is written, uploaded, and recorded as done before the next starts, so a redelivered
/// message (after a crash or a failure) resumes after the last step done instead of from zero. A table is written
/// straight into its blob, a block of about <paramref name="blockBytes"/> bytes (whole pages of the table's query) at a
/// time, each block recorded with the query's continuation token (<see cref="TableProgress"/>): a delivery that finds a
/// table half written stages its next block from there (pages sized in bytes: <see cref="TablePages"/>), then commits the blocks in order and measures the file by
/// reading it back. Memory holds one block; the local scratch folder holds only <c>tables/ledger.jsonl</c> (read back
/// for the renderings) and one blob or rendering at a time.
/// </summary>
public sealed class ExportJobs(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, IWorkQueues work, int blockBytes = ExportJobs.BlockBytes)
{
    /// <summary>About how many bytes of a table's file are staged and recorded at a time (whole pages: a block may exceed it by one page).</summary>
    public const int BlockBytes = 8 * 1024 * 1024;

    /// <summary>The blob container of queued exports.</summary>
    public const string ContainerName = "exports";

    /// <summary>The step that writes the CSV renderings and the data dictionary.</summary>
    public const string RenderingsStep = "renderings";

    private static readonly string LedgerFile = $"tables/{TableNames.Ledger}.jsonl";

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(ContainerName);
    private readonly StorageExporter exporter = new(tables, blobs, queues);

    /// <summary>Stores a new export as queued and queues its message; returns it.</summary>
    public async Task<ExportJob> StartAsync(string? authority, string requestedBy, CancellationToken cancellationToken)
    {
        var job = new ExportJob(Guid.NewGuid().ToString("N"), authority, requestedBy, DateTimeOffset.UtcNow);
        await SaveAsync(job, cancellationToken).ConfigureAwait(false);
        await work.SendAsync(QueueNames.Exports, JsonSerializer.Serialize(new ExportMessage(job.Id), TariffsJson.Options), null, cancellationToken).ConfigureAwait(false);
        return job;
    }

    /// <summary>The export, or null when there is none of that id.</summary>
    public async Task<ExportJob?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
            return null;
        try
        {
            var content = await container.GetBlobClient(JobBlob(id)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<ExportJob>(TariffsJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Handles a message of queue <c>exports</c>: runs the export from its first step not done. A failure is recorded on
    /// the export and thrown (the message is delivered again and resumes); on the message's
    /// <paramref name="lastDelivery"/> the export is marked failed first. A <see cref="JsonException"/> when the message
    /// is not an export message; an export already completed, failed or unknown is left as it is.
    /// </summary>
    public async Task HandleMessageAsync(string body, bool lastDelivery, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<ExportMessage>(body, TariffsJson.Options);
        if (string.IsNullOrEmpty(message?.Id))
            throw new JsonException("Not an export message: it needs an id.");
        if (await FindAsync(message.Id, cancellationToken).ConfigureAwait(false) is not { State: ExportJob.Queued or ExportJob.Running } job)
            return;
        try
        {
            await RunAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var stored = await FindAsync(job.Id, cancellationToken).ConfigureAwait(false) ?? job;
            await SaveAsync(stored with { Error = e.Message, State = lastDelivery ? ExportJob.Failed : stored.State }, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A file of a completed export to download: its content (streamed from the container), content type and length;
    /// null when the export is unknown or not completed, or <paramref name="path"/> is not its manifest nor a file it lists.
    /// </summary>
    public async Task<(Stream Content, string ContentType, long Length)?> OpenFileAsync(string id, string path, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { State: ExportJob.Completed } job)
            return null;
        string contentType;
        if (path == ExportManifest.FileName)
            contentType = "application/json";
        else if (job.Files.FirstOrDefault(f => f.Path == path) is { } file)
            contentType = file.ContentType ?? (file.Kind == ExportedFile.TableKind ? "application/jsonl" : "application/octet-stream");
        else
            return null;
        var blob = container.GetBlobClient(FileBlob(id, path));
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return (await blob.OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false), contentType, properties.Value.ContentLength);
    }

    private async Task RunAsync(ExportJob job, CancellationToken cancellationToken)
    {
        job = job with
        {
            State = ExportJob.Running,
            Runs = job.Runs + 1,
            StartedAt = job.StartedAt ?? DateTimeOffset.UtcNow,
            PendingMessages = job.StartedAt is null ? await exporter.PendingAsync(cancellationToken).ConfigureAwait(false) : job.PendingMessages,
        };
        await SaveAsync(job, cancellationToken).ConfigureAwait(false);
        var scratch = Path.Combine(Path.GetTempPath(), "tariffs-exports", job.Id);
        Directory.CreateDirectory(scratch);
        try
        {
            foreach (var table in TableNames.All)
            {
                var step = "table:" + table;
                if (job.StepsDone.Contains(step))
                    continue;
                job = await ExportTableAsync(job, table, scratch, cancellationToken).ConfigureAwait(false);
                job = job with { StepsDone = [.. job.StepsDone, step] };
                await SaveAsync(job, cancellationToken).ConfigureAwait(false);
            }
            var blobsDone = job.Files.Where(f => f.Kind == ExportedFile.BlobKind).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var source in StorageExporter.Containers)
                await foreach (var file in exporter.ExportContainerAsync(scratch, source, blobsDone, cancellationToken).ConfigureAwait(false))
                    job = await DoneAsync(job, "blob:" + file.Path, [file], scratch, cancellationToken).ConfigureAwait(false);
            if (!job.StepsDone.Contains(RenderingsStep))
            {
                await EnsureLedgerAsync(job, scratch, cancellationToken).ConfigureAwait(false);
                var rendered = await StorageExporter.RenderAsync(scratch, job.Files, cancellationToken).ConfigureAwait(false);
                job = await DoneAsync(job, RenderingsStep, rendered, scratch, cancellationToken).ConfigureAwait(false);
            }
            var manifest = new ExportManifest(ExportManifest.CurrentFormat, job.StartedAt!.Value, job.Files, job.PendingMessages);
            await manifest.WriteAsync(scratch, cancellationToken).ConfigureAwait(false);
            await UploadAsync(job.Id, scratch, ExportManifest.FileName, "application/json", cancellationToken).ConfigureAwait(false);
            await SaveAsync(job with { State = ExportJob.Completed, CompletedAt = DateTimeOffset.UtcNow }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // What a later run needs is in the container: the scratch folder never outlives a run.
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// Writes <paramref name="table"/> into its blob from where <see cref="ExportJob.InProgress"/> left it (or from its
    /// first row): whole pages of the query into a block of about <see cref="BlockBytes"/>, each block staged, then
    /// recorded with the continuation token after its last page; the last block staged, commits them in order and
    /// measures the file by reading it back (the ledger's kept in the scratch folder for the renderings). Returns the job
    /// with the table's file and nothing in progress (not yet saved). A table never created exports empty.
    /// </summary>
    private async Task<ExportJob> ExportTableAsync(ExportJob job, string table, string scratch, CancellationToken cancellationToken)
    {
        var relative = StorageExporter.TablePath(table);
        var blob = container.GetBlockBlobClient(FileBlob(job.Id, relative));
        var progress = job.InProgress is { } stopped && stopped.Table == table ? stopped : new TableProgress(table, null, 0, 0);
        // Blocks recorded and no continuation: every page was staged, only the commit is left.
        if (progress.Blocks == 0 || progress.Continuation is not null)
            progress = await StageAsync(job, table, progress, blob, cancellationToken).ConfigureAwait(false);
        var headers = new BlobHttpHeaders { ContentType = "application/jsonl" };
        await blob.CommitBlockListAsync(Enumerable.Range(0, progress.Blocks).Select(BlockId), headers, cancellationToken: cancellationToken).ConfigureAwait(false);
        var local = relative == LedgerFile ? ExportManifest.Resolve(scratch, relative) : null;
        var (bytes, sha256) = await MeasureAsync(blob, local, cancellationToken).ConfigureAwait(false);
        return job with { InProgress = null, Files = [.. job.Files, new ExportedFile(relative, ExportedFile.TableKind, table, progress.Rows, bytes, sha256)] };
    }

    /// <summary>
    /// Stages the blocks of <paramref name="table"/>'s file after <paramref name="progress"/>, saving the job with its
    /// progress after each; returns the progress after the last page.
    /// </summary>
    private async Task<TableProgress> StageAsync(ExportJob job, string table, TableProgress progress, BlockBlobClient blob, CancellationToken cancellationToken)
    {
        using var block = new MemoryStream();
        var (rows, staged) = (0L, 0L);
        await using var writer = new Utf8JsonWriter(block);
        try
        {
            await foreach (var page in TablePages.ReadAsync(tables.GetTableClient(table), progress.Continuation, () => staged + block.Length, cancellationToken).ConfigureAwait(false))
            {
                foreach (var entity in page.Values)
                {
                    EntityJson.Write(writer, entity);
                    writer.Flush();
                    writer.Reset();
                    block.WriteByte((byte)'\n');
                    rows++;
                }
                if (block.Length < blockBytes && page.ContinuationToken is not null)
                    continue;
                if (block.Length > 0)
                {
                    block.Position = 0;
                    await blob.StageBlockAsync(BlockId(progress.Blocks), block, cancellationToken: cancellationToken).ConfigureAwait(false);
                    progress = progress with { Blocks = progress.Blocks + 1, Rows = progress.Rows + rows };
                }
                progress = progress with { Continuation = page.ContinuationToken };
                await SaveAsync(job with { InProgress = progress }, cancellationToken).ConfigureAwait(false);
                staged += block.Length;
                block.SetLength(0);
                rows = 0;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404 && progress.Blocks == 0)
        {
            // The table was never created: it exports empty.
        }
        return progress;
    }

    /// <summary>The bytes and SHA-256 of a committed blob, read back as a stream; copied into <paramref name="local"/> on the way when given.</summary>
    private static async Task<(long Bytes, string Sha256)> MeasureAsync(BlobBaseClient blob, string? local, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var content = download.Value.Content;
        FileStream? copy = null;
        if (local is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            copy = File.Create(local);
        }
        await using (copy)
        {
            var buffer = new byte[81_920];
            long bytes = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                if (copy is not null)
                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                bytes += read;
            }
            return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
    }

    /// <summary>The id of a table file's <paramref name="number"/>-th block (the same length for every block, as blob storage requires).</summary>
    private static string BlockId(int number) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"block-{number:D6}"));

    /// <summary>Uploads the step's files, deletes them from the scratch folder, and records the step as done.</summary>
    private async Task<ExportJob> DoneAsync(ExportJob job, string step, IReadOnlyList<ExportedFile> files, string scratch, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await UploadAsync(job.Id, scratch, file.Path, file.ContentType, cancellationToken).ConfigureAwait(false);
            File.Delete(ExportManifest.Resolve(scratch, file.Path)!);
        }
        job = job with { StepsDone = [.. job.StepsDone, step], Files = [.. job.Files, .. files] };
        await SaveAsync(job, cancellationToken).ConfigureAwait(false);
        return job;
    }

    /// <summary>Puts the exported ledger table in the scratch folder when a resumed run does not have it (or not whole), from the container.</summary>
    private async Task EnsureLedgerAsync(ExportJob job, string scratch, CancellationToken cancellationToken)
    {
        var entry = job.Files.Single(f => f.Path == LedgerFile);
        var path = ExportManifest.Resolve(scratch, LedgerFile)!;
        if (File.Exists(path) && (await ExportManifest.MeasureAsync(path, cancellationToken).ConfigureAwait(false)).Sha256 == entry.Sha256)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await container.GetBlobClient(FileBlob(job.Id, LedgerFile)).DownloadToAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private async Task UploadAsync(string id, string scratch, string path, string? contentType, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType ?? "application/octet-stream" } };
        await container.GetBlobClient(FileBlob(id, path)).UploadAsync(ExportManifest.Resolve(scratch, path)!, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(ExportJob job, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(JobBlob(job.Id)).UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(job, TariffsJson.Options)), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private static string JobBlob(string id) => $"{id}/export.json";

    private static string FileBlob(string id, string path) => $"{id}/files/{path}";

    /// <summary>An id an export can have (what <see cref="StartAsync"/> gives: letters and digits): anything else names no export.</summary>
    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);
}
