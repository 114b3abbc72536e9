using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Tariffs.Storage.Export;

/// <summary>
/// Loads an export (<see cref="StorageExporter"/>) into an empty storage account: the export is verified first
/// (<see cref="ExportManifest.VerifyAsync"/>), the account must hold no entity in the export's tables and no blob in its
/// containers, then every entity is inserted (entity group transactions of one partition, at most 100 rows and about
/// 3 MB each) and every blob uploaded with its content type. Rows get new <c>Timestamp</c>s, set by the service: the
/// export keeps the originals. Nothing is loaded when the export is not whole or the account is not empty.
/// </summary>
public sealed class StorageImporter(TableServiceClient tables, BlobServiceClient blobs)
{
    private const int MaxRowsPerTransaction = 100;
    private const int MaxBytesPerTransaction = 3_000_000; // the service's limit is 4 MiB per transaction

    /// <summary>Imports the export in <paramref name="folder"/>; returns the rows and blobs loaded. Throws <see cref="InvalidDataException"/> listing every problem when the export is not whole or the account not empty.</summary>
    public async Task<(long Rows, int Blobs)> ImportAsync(string folder, IProgress<ExportedFile>? progress, CancellationToken cancellationToken)
    {
        var manifest = await ExportManifest.ReadAsync(folder, cancellationToken).ConfigureAwait(false);
        var problems = (await manifest.VerifyAsync(folder, cancellationToken).ConfigureAwait(false)).ToList();
        problems.AddRange(await NotEmptyAsync(manifest, cancellationToken).ConfigureAwait(false));
        if (problems.Count > 0)
            throw new InvalidDataException($"Nothing imported from {folder}:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}");

        var root = Path.GetFullPath(folder);
        long rows = 0;
        var blobCount = 0;
        foreach (var file in manifest.Files)
        {
            var path = ExportManifest.Resolve(root, file.Path)!;
            if (file.Kind == ExportedFile.TableKind)
                rows += await ImportTableAsync(path, file.Name, cancellationToken).ConfigureAwait(false);
            else if (file.Kind == ExportedFile.BlobKind)
            {
                await ImportBlobAsync(path, file, cancellationToken).ConfigureAwait(false);
                blobCount++;
            }
            progress?.Report(file);
        }
        return (rows, blobCount);
    }

    private async Task<long> ImportTableAsync(string path, string table, CancellationToken cancellationToken)
    {
        var client = tables.GetTableClient(table);
        await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var group = new List<TableTransactionAction>();
        var groupBytes = 0;
        long rows = 0;
        await foreach (var (entity, length) in ExportReader.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (group.Count > 0 && (group[0].Entity.PartitionKey != entity.PartitionKey || group.Count == MaxRowsPerTransaction || groupBytes + length > MaxBytesPerTransaction))
            {
                await client.SubmitTransactionAsync(group, cancellationToken).ConfigureAwait(false);
                group.Clear();
                groupBytes = 0;
            }
            group.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
            groupBytes += length;
            rows++;
        }
        if (group.Count > 0)
            await client.SubmitTransactionAsync(group, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private async Task ImportBlobAsync(string path, ExportedFile file, CancellationToken cancellationToken)
    {
        var separator = file.Name.IndexOf('/', StringComparison.Ordinal);
        var container = blobs.GetBlobContainerClient(file.Name[..separator]);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } };
        await container.GetBlobClient(file.Name[(separator + 1)..]).UploadAsync(path, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One sentence per table or container of the export that already holds data in the account.</summary>
    private async Task<IReadOnlyList<string>> NotEmptyAsync(ExportManifest manifest, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var table in manifest.Files.Where(f => f.Kind == ExportedFile.TableKind).Select(f => f.Name).Distinct())
        {
            try
            {
                await foreach (var _ in tables.GetTableClient(table).QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    problems.Add($"table '{table}' is not empty: import goes into an empty account.");
                    break;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet: empty.
            }
        }
        foreach (var container in manifest.Files.Where(f => f.Kind == ExportedFile.BlobKind).Select(f => f.Name[..f.Name.IndexOf('/', StringComparison.Ordinal)]).Distinct())
        {
            var client = blobs.GetBlobContainerClient(container);
            if (!await client.ExistsAsync(cancellationToken).ConfigureAwait(false))
                continue;
            await foreach (var _ in client.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                problems.Add($"container '{container}' is not empty: import goes into an empty account.");
                break;
            }
        }
        return problems;
    }
}
