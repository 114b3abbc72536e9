using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Tariffs.Storage.Catalog;
using Tariffs.Application.Messages;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Simulations;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage;

/// <summary>
/// Creates the tables, queues and containers the service uses when they do not exist (idempotent), and fixes the
/// ledger's partition count (<see cref="LedgerOptions"/>): stored in table <c>settings</c> (PartitionKey <c>ledger</c>,
/// RowKey <c>partitions</c>, column <c>Partitions</c>) at the first start; a ledger with rows and no setting was written
/// with <see cref="LedgerKeys.DefaultPartitions"/>. A start configured with another count than the stored one is refused.
/// </summary>
public sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, IOptions<LedgerOptions> ledger)
{
    /// <summary>Creates everything missing, then checks the ledger's partition count; an <see cref="InvalidOperationException"/> when it differs from the stored one.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (ledger.Value.Invalid() is { } invalid)
            throw new InvalidOperationException(invalid);
        foreach (var name in TableNames.All)
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
        foreach (var name in QueueNames.All)
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var name in new[] { CatalogDocumentStore.ContainerName, IBatchDocuments.ContainerName, SimulationStore.ContainerName, Export.ExportJobs.ContainerName })
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await FixPartitionsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FixPartitionsAsync(CancellationToken cancellationToken)
    {
        var configured = ledger.Value.Partitions;
        var settings = tables.GetTableClient(TableNames.Settings);
        var stored = await StoredPartitionsAsync(settings, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            var hasRows = false;
            await foreach (var _ in tables.GetTableClient(TableNames.Ledger).QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                hasRows = true;
                break;
            }
            var count = hasRows ? LedgerKeys.DefaultPartitions : configured;
            try
            {
                await settings.AddEntityAsync(new TableEntity(SettingsPartition, PartitionsRow) { ["Partitions"] = count }, cancellationToken).ConfigureAwait(false);
                stored = count;
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict) // another instance stored it first
            {
                stored = await StoredPartitionsAsync(settings, cancellationToken).ConfigureAwait(false);
            }
        }
        if (stored != configured)
            throw new InvalidOperationException(
                $"{LedgerOptions.Section}:Partitions is {configured}, but this storage account's ledger was written with {stored} partitions: the count is fixed once data exists.");
    }

    private const string SettingsPartition = "ledger", PartitionsRow = "partitions";

    private static async Task<int?> StoredPartitionsAsync(TableClient settings, CancellationToken cancellationToken)
    {
        var row = await settings.GetEntityIfExistsAsync<TableEntity>(SettingsPartition, PartitionsRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetInt32("Partitions") : null;
    }
}
