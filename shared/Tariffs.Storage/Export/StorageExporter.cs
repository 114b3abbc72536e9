using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tariffs.Application.Ports;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Catalog;
using Tariffs.Storage.Queues;
using Tariffs.Storage.Tables;
using Tariffs.Application.Messages;

namespace Tariffs.Storage.Export;

/// <summary>
/// Writes everything the service stores into a folder an authority can take away: every table as JSON Lines
/// (<c>tables/{table}.jsonl</c>, one entity per line in the Table service's own JSON format, <see cref="EntityJson"/>),
/// every blob as its bytes (<c>blobs/{container}/{name}</c>: the published catalogs, universal-service documents and
/// the batches received by claim-check), the ledger also as CSV with a data dictionary (<see cref="LedgerCsv"/>), and
/// <see cref="ExportManifest"/>. Streams a table page by page, pages sized in bytes (<see cref="TablePages"/>):
/// memory does not grow with the tables nor with the size of their rows.
/// </summary>
public sealed class StorageExporter(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
{
    /// <summary>The containers exported, in this order.</summary>
    public static IReadOnlyList<string> Containers { get; } = [CatalogDocumentStore.ContainerName, IBatchDocuments.ContainerName];

    /// <summary>Exports into <paramref name="folder"/>, which must be empty or not exist; returns the manifest written; <paramref name="progress"/> hears of each file done.</summary>
    public async Task<ExportManifest> ExportAsync(string folder, IProgress<ExportedFile>? progress, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"{folder} is not empty: an export goes into a new folder.");
        var started = DateTimeOffset.UtcNow;
        var pending = await PendingAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<ExportedFile>();
        foreach (var table in TableNames.All)
        {
            var file = await ExportTableAsync(folder, table, cancellationToken).ConfigureAwait(false);
            files.Add(file);
            progress?.Report(file);
        }
        foreach (var container in Containers)
            await foreach (var file in ExportContainerAsync(folder, container, new HashSet<string>(), cancellationToken).ConfigureAwait(false))
            {
                files.Add(file);
                progress?.Report(file);
            }
        foreach (var file in await RenderAsync(folder, files, cancellationToken).ConfigureAwait(false))
        {
            files.Add(file);
            progress?.Report(file);
        }
        var manifest = new ExportManifest(ExportManifest.CurrentFormat, started, files, pending);
        await manifest.WriteAsync(folder, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>
    /// The renderings of an export whose tables and blobs (<paramref name="files"/>) are in <paramref name="folder"/>
    /// (<c>tables/ledger.jsonl</c> at least): the ledger as CSV and the data dictionary (<see cref="LedgerCsv"/>), written
    /// into the folder; returns their entries, in this order.
    /// </summary>
    public static async Task<IReadOnlyList<ExportedFile>> RenderAsync(string folder, IReadOnlyList<ExportedFile> files, CancellationToken cancellationToken)
    {
        var rendered = new List<ExportedFile>();
        var (lines, items, unreadable) = await LedgerCsv.WriteAsync(folder, cancellationToken).ConfigureAwait(false);
        foreach (var (path, rows) in new[] { (LedgerCsv.LinesPath, lines), (LedgerCsv.ItemsPath, items) })
            rendered.Add(await DescribeAsync(Path.Combine(folder, path), path, ExportedFile.RenderingKind, path, rows, "text/csv", cancellationToken).ConfigureAwait(false));
        var dictionary = Path.Combine(folder, LedgerCsv.DictionaryPath);
        await File.WriteAllTextAsync(dictionary, LedgerCsv.Dictionary([.. files, .. rendered], unreadable), cancellationToken).ConfigureAwait(false);
        rendered.Add(await DescribeAsync(dictionary, LedgerCsv.DictionaryPath, ExportedFile.RenderingKind, LedgerCsv.DictionaryPath, null, "text/markdown", cancellationToken).ConfigureAwait(false));
        return rendered;
    }

    /// <summary>The path of <paramref name="table"/>'s file in an export.</summary>
    public static string TablePath(string table) => $"tables/{table}.jsonl";

    /// <summary>Writes every entity of <paramref name="table"/> into <c>tables/{table}.jsonl</c> under <paramref name="folder"/>, streaming (a table never created exports empty); returns its entry.</summary>
    public async Task<ExportedFile> ExportTableAsync(string folder, string table, CancellationToken cancellationToken)
    {
        var relative = TablePath(table);
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long rows = 0;
        await using (var stream = File.Create(path))
        {
            var newLine = "\n"u8.ToArray();
            await using var writer = new Utf8JsonWriter(stream);
            try
            {
                await foreach (var page in TablePages.ReadAsync(tables.GetTableClient(table), null, () => stream.Position, cancellationToken).ConfigureAwait(false))
                    foreach (var entity in page.Values)
                    {
                        EntityJson.Write(writer, entity);
                        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                        writer.Reset();
                        await stream.WriteAsync(newLine, cancellationToken).ConfigureAwait(false);
                        rows++;
                    }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // The table was never created: it exports empty.
            }
        }
        return await DescribeAsync(path, relative, ExportedFile.TableKind, table, rows, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads each blob of <paramref name="container"/> into <c>blobs/{container}/{name}</c> under
    /// <paramref name="folder"/>, but those whose export path is in <paramref name="done"/>; yields each file's entry once
    /// it is written (a container that does not exist yields nothing).
    /// </summary>
    public async IAsyncEnumerable<ExportedFile> ExportContainerAsync(string folder, string container, IReadOnlySet<string> done, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = blobs.GetBlobContainerClient(container);
        if (!await client.ExistsAsync(cancellationToken).ConfigureAwait(false))
            yield break;
        await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var relative = $"blobs/{container}/{blob.Name}";
            if (done.Contains(relative))
                continue;
            var path = ExportManifest.Resolve(Path.GetFullPath(folder), relative)
                ?? throw new InvalidDataException($"blob '{container}/{blob.Name}' has a name that cannot be a file of the export.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await client.GetBlobClient(blob.Name).DownloadToAsync(path, cancellationToken).ConfigureAwait(false);
            yield return await DescribeAsync(path, relative, ExportedFile.BlobKind, $"{container}/{blob.Name}", null, blob.Properties.ContentType, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ExportedFile> DescribeAsync(string path, string relative, string kind, string name, long? rows, string? contentType, CancellationToken cancellationToken)
    {
        var (bytes, sha256, _) = await ExportManifest.MeasureAsync(path, cancellationToken).ConfigureAwait(false);
        return new ExportedFile(relative, kind, name, rows, bytes, sha256, contentType);
    }

    /// <summary>Approximate messages waiting in each work queue of the service that has any.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new SortedDictionary<string, int>(StringComparer.Ordinal);
        // adjustments-out is the operators' queue, not work of the service: what it holds is in the ledger; exports are
        // the exports themselves (a queued export's own message is in flight while it runs).
        foreach (var name in QueueNames.All.Where(q => q is not (QueueNames.AdjustmentsOut or QueueNames.Exports)))
        {
            try
            {
                var properties = await queues.GetQueueClient(name).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
                if (properties.Value.ApproximateMessagesCount > 0)
                    pending[name] = properties.Value.ApproximateMessagesCount;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // No such queue: nothing waits in it.
            }
        }
        return pending;
    }
}
