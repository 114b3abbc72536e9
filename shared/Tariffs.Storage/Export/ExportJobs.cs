using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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
/// table, a blob, the renderings — is written to a scratch folder, uploaded, and recorded as done before the next
/// starts, so a redelivered message (after a crash or a failure) resumes after the last step done instead of from zero.
/// The scratch folder holds one step's file at a time, and <c>tables/ledger.jsonl</c> until the renderings (read back
/// from the container when a resumed run does not have it).
/// </summary>
public sealed class ExportJobs(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, IWorkQueues work)
{
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
                var file = await exporter.ExportTableAsync(scratch, table, cancellationToken).ConfigureAwait(false);
                job = await DoneAsync(job, step, [file], scratch, keepLocal: file.Path == LedgerFile, cancellationToken).ConfigureAwait(false);
            }
            var blobsDone = job.Files.Where(f => f.Kind == ExportedFile.BlobKind).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var source in StorageExporter.Containers)
                await foreach (var file in exporter.ExportContainerAsync(scratch, source, blobsDone, cancellationToken).ConfigureAwait(false))
                    job = await DoneAsync(job, "blob:" + file.Path, [file], scratch, keepLocal: false, cancellationToken).ConfigureAwait(false);
            if (!job.StepsDone.Contains(RenderingsStep))
            {
                await EnsureLedgerAsync(job, scratch, cancellationToken).ConfigureAwait(false);
                var rendered = await StorageExporter.RenderAsync(scratch, job.Files, cancellationToken).ConfigureAwait(false);
                job = await DoneAsync(job, RenderingsStep, rendered, scratch, keepLocal: false, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Uploads the step's files, deletes them from the scratch folder (but the ledger's, kept for the renderings), and records the step as done.</summary>
    private async Task<ExportJob> DoneAsync(ExportJob job, string step, IReadOnlyList<ExportedFile> files, string scratch, bool keepLocal, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await UploadAsync(job.Id, scratch, file.Path, file.ContentType, cancellationToken).ConfigureAwait(false);
            if (!keepLocal)
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
