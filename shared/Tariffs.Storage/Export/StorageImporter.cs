using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Export;

/// <summary>
/// Loads an export (<see cref="StorageExporter"/>) into an empty storage account: the export is verified first
/// (<see cref="ExportManifest.VerifyAsync"/>), the account must hold no entity in the export's tables and no blob in its
/// containers (except table <c>settings</c>, which a host writes at its first start: its rows must then equal the
/// export's — the same ledger partition count — and are kept), then every entity is inserted (entity group transactions of one partition, at most 100 rows and about
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
        problems.AddRange(await NotEmptyAsync(manifest, folder, cancellationToken).ConfigureAwait(false));
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
            // Settings a started host wrote were checked equal to the export's: written again, they stay the same.
            group.Add(new TableTransactionAction(table == TableNames.Settings ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, entity));
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

    /// <summary>One sentence per table or container of the export that already holds data in the account (for table <c>settings</c>: data that differs from the export's).</summary>
    private async Task<IReadOnlyList<string>> NotEmptyAsync(ExportManifest manifest, string folder, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var table in manifest.Files.Where(f => f.Kind == ExportedFile.TableKind).Select(f => f.Name).Distinct())
        {
            if (table == TableNames.Settings)
            {
                problems.AddRange(await SettingsDifferAsync(manifest, folder, cancellationToken).ConfigureAwait(false));
                continue;
            }
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
    /// <summary>One sentence per setting the account holds that the export does not hold with the same values.</summary>
    private async Task<IReadOnlyList<string>> SettingsDifferAsync(ExportManifest manifest, string folder, CancellationToken cancellationToken)
    {
        var file = manifest.Files.First(f => f.Kind == ExportedFile.TableKind && f.Name == TableNames.Settings);
        var exported = new Dictionary<(string, string), TableEntity>();
        await foreach (var (row, _) in ExportReader.ReadAsync(ExportManifest.Resolve(Path.GetFullPath(folder), file.Path)!, cancellationToken).ConfigureAwait(false))
            exported[(row.PartitionKey, row.RowKey)] = row;
        var problems = new List<string>();
        try
        {
            await foreach (var held in tables.GetTableClient(TableNames.Settings).QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
                if (!exported.TryGetValue((held.PartitionKey, held.RowKey), out var row) || Values(row) != Values(held))
                    problems.Add($"table '{TableNames.Settings}' holds {held.PartitionKey}/{held.RowKey} = {Values(held)}, the export {(row is null ? "nothing" : Values(row))}: import goes into an account of the same settings.");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Not created yet: nothing differs.
        }
        return problems;
    }

    private static string Values(TableEntity row) => string.Join(", ", row
        .Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => FormattableString.Invariant($"{p.Key}={p.Value}")));
}
