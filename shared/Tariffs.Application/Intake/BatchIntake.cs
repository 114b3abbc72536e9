using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Application.Telemetry;
using Tariffs.Storage.Batches;
using Tariffs.Storage.Queues;
using Tariffs.Storage.Rejections;

namespace Tariffs.Application.Intake;

/// <summary>
/// Receives billing batches of any size. A batch posted over HTTP is streamed into blob storage; a stored
/// batch (posted, or referenced by a claim-check message) is scanned as a stream, its header checked, and
/// its lines fanned out as chunk messages of bounded size. A small batch sent inline on the queue is priced
/// in the same invocation, chunk by chunk. A batch refused as a whole is stored as a rejection with its reason.
/// </summary>
public sealed partial class BatchIntake(
    BatchBlobStore blobs,
    BatchStore batches,
    CatalogRepository catalogs,
    RejectionStore rejections,
    QueueServiceClient queues,
    ChunkProcessor chunks,
    IOptions<IntakeOptions> options,
    IClock clock,
    ILogger<BatchIntake> logger)
{
    /// <summary>Rejections of batches whose id cannot be read are stored under this partition.</summary>
    public const string UnreadablePartition = "billing-batches";

    /// <summary>Streams a posted batch into blob storage, then splits it into chunk messages.</summary>
    public async Task<IntakeResult> AcceptAsync(Stream body, CancellationToken cancellationToken)
    {
        var blobName = $"incoming/{clock.GetCurrentInstant().ToDateTimeUtc():yyyy/MM/dd}/{Guid.NewGuid():N}.json";
        await blobs.UploadAsync(blobName, body, cancellationToken).ConfigureAwait(false);
        return await SplitAsync(blobName, blobName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles a message of <c>billing-batches</c>: a claim-check reference, or a whole small batch.</summary>
    public async Task<IntakeResult> HandleMessageAsync(string body, string messageId, CancellationToken cancellationToken)
    {
        if (TryReadClaimCheck(body) is { } blobName)
            return await SplitAsync(blobName, messageId, cancellationToken).ConfigureAwait(false);

        using var activity = TariffsTelemetry.StartIntake(messageId);

        var bytes = Encoding.UTF8.GetBytes(body);
        var (scan, header, refusal) = await ScanAsync(new MemoryStream(bytes, writable: false), messageId, body, cancellationToken).ConfigureAwait(false);
        if (header is null)
            return new IntakeResult(null, scan?.LineCount ?? 0, 0, refusal);
        TariffsTelemetry.TagBatch(activity, header, scan!.LineCount);
        await SaveHeaderAsync(header, "", scan!, cancellationToken).ConfigureAwait(false);
        for (var c = 0; c < scan!.Chunks.Count; c++)
        {
            var range = scan.Chunks[c];
            await chunks.ProcessAsync(header, c, range.FirstIndex, bytes.AsMemory((int)range.Offset, range.Length), cancellationToken).ConfigureAwait(false);
        }
        if (scan.Chunks.Count == 0)
            await batches.SaveChunkAsync(header.BatchId, new ChunkEntity { Chunk = 0, CompletedAt = clock.GetCurrentInstant().ToDateTimeOffset() }, cancellationToken).ConfigureAwait(false);
        return new IntakeResult(header.BatchId, scan.LineCount, scan.Chunks.Count, null);
    }

    /// <summary>Processes a chunk message: reads its byte range and prices its lines.</summary>
    public async Task<BatchOutcome> ProcessChunkAsync(ChunkMessage message, CancellationToken cancellationToken)
    {
        var content = await blobs.ReadRangeAsync(message.BlobName, message.Offset, message.Length, cancellationToken).ConfigureAwait(false);
        return await chunks.ProcessAsync(message.Header, message.Chunk, message.FirstIndex, content, cancellationToken, message.TraceParent).ConfigureAwait(false);
    }

    /// <summary>Scans a stored batch and queues one message per chunk.</summary>
    private async Task<IntakeResult> SplitAsync(string blobName, string source, CancellationToken cancellationToken)
    {
        using var activity = TariffsTelemetry.StartIntake(source);
        await using var stream = await blobs.OpenReadAsync(blobName, cancellationToken).ConfigureAwait(false);
        if (stream is null)
            return await RefuseAsync(UnreadablePartition, source, null, 0, $"the claim-check blob '{blobName}' does not exist in container '{BatchBlobStore.ContainerName}'", blobName, cancellationToken).ConfigureAwait(false);
        var (scan, header, refusal) = await ScanAsync(stream, source, $"blob {blobName}", cancellationToken).ConfigureAwait(false);
        if (header is null)
            return new IntakeResult(null, scan?.LineCount ?? 0, 0, refusal);

        TariffsTelemetry.TagBatch(activity, header, scan!.LineCount);
        await SaveHeaderAsync(header, blobName, scan!, cancellationToken).ConfigureAwait(false);
        var queue = queues.GetQueueClient(QueueNames.BillingChunks);
        for (var c = 0; c < scan!.Chunks.Count; c++)
        {
            var r = scan.Chunks[c];
            var message = new ChunkMessage(header.BatchId, header.Operator, header.Authority, header.Service, header.Currency, blobName, c, r.Offset, r.Length, r.FirstIndex, r.Count) { TraceParent = activity?.Id };
            await queue.SendMessageAsync(JsonSerializer.Serialize(message, TariffsJson.Options), cancellationToken).ConfigureAwait(false);
        }
        if (scan.Chunks.Count == 0)
            await batches.SaveChunkAsync(header.BatchId, new ChunkEntity { Chunk = 0, CompletedAt = clock.GetCurrentInstant().ToDateTimeOffset() }, cancellationToken).ConfigureAwait(false);
        LogSplit(logger, header.BatchId, scan.LineCount, scan.Chunks.Count);
        return new IntakeResult(header.BatchId, scan.LineCount, scan.Chunks.Count, null);
    }

    /// <summary>Scans a document and checks its header and catalog; refusals are stored.</summary>
    private async Task<(BatchScan? Scan, BatchHeader? Header, string? Refusal)> ScanAsync(Stream stream, string source, string excerpt, CancellationToken cancellationToken)
    {
        BatchScan scan;
        try
        {
            scan = await BatchScanner.ScanAsync(stream, Math.Max(1, options.Value.ChunkSize), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            var reason = $"not a readable billing batch: {e.Message}";
            await RefuseAsync(UnreadablePartition, source, null, 0, reason, excerpt, cancellationToken).ConfigureAwait(false);
            return (null, null, reason);
        }

        var errors = new ValidationErrors();
        var header = BatchHeader.From(scan.Header, scan.HasLines, errors);
        var batchId = scan.Header.GetValueOrDefault("batchId");
        if (scan.RepeatedLineCount > 0)
            errors.Add("$.lines", string.Create(CultureInfo.InvariantCulture,
                $"line numbers must be unique in a batch (each keys its adjustments); repeated: {string.Join(", ", scan.RepeatedLineNumbers)}{(scan.RepeatedLineCount > scan.RepeatedLineNumbers.Count ? ", …" : "")} ({scan.RepeatedLineCount:N0} {(scan.RepeatedLineCount == 1 ? "line" : "lines")} in all)"));
        if (header is not null)
        {
            var catalog = await catalogs.FindAsync(header.Authority, header.Service, cancellationToken).ConfigureAwait(false);
            if (catalog is null)
                errors.Add("$.service", $"no catalog is published for authority '{header.Authority}' and service '{header.Service}'");
            else if (catalog.Tariffs.Values.FirstOrDefault()?.Currency.Code is { } expected && expected != header.Currency)
                errors.Add("$.currency", $"'{header.Currency}' but the catalog of {catalog.Key} is in {expected}");
        }
        if (errors.IsEmpty)
            return (scan, header, null);

        var refusal = errors.ToString();
        if (ValidationErrors.IsId(batchId))
        {
            await batches.SaveHeaderAsync(new BatchEntity
            {
                PartitionKey = batchId,
                Lines = scan.LineCount,
                Refusal = refusal,
                ReceivedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
            }, cancellationToken).ConfigureAwait(false);
            await RefuseAsync(batchId, "batch", batchId, scan.LineCount, refusal, excerpt, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RefuseAsync(UnreadablePartition, source, null, scan.LineCount, refusal, excerpt, cancellationToken).ConfigureAwait(false);
        }
        return (scan, null, refusal);
    }

    private Task SaveHeaderAsync(BatchHeader header, string blobName, BatchScan scan, CancellationToken cancellationToken) =>
        batches.SaveHeaderAsync(new BatchEntity
        {
            PartitionKey = header.BatchId,
            Operator = header.Operator,
            Authority = header.Authority,
            Service = header.Service,
            Currency = header.Currency,
            BlobName = blobName,
            Lines = scan.LineCount,
            Chunks = Math.Max(1, scan.Chunks.Count),
            ReceivedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        }, cancellationToken);

    private async Task<IntakeResult> RefuseAsync(string partition, string key, string? batchId, int lines, string reason, string excerpt, CancellationToken cancellationToken)
    {
        await rejections.AddAsync([new Rejection(partition, key, UnreadablePartition, reason, excerpt)], cancellationToken).ConfigureAwait(false);
        LogRefused(logger, batchId, reason);
        return new IntakeResult(batchId, lines, 0, reason);
    }

    private static string? TryReadClaimCheck(string body)
    {
        if (!body.Contains("\"claimCheck\"", StringComparison.Ordinal))
            return null;
        try
        {
            return TariffsJson.Deserialize<ClaimCheckMessage>(body)?.ClaimCheck?.BlobName;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Lines} lines split into {Chunks} chunk messages")]
    private static partial void LogSplit(ILogger logger, string batchId, int lines, int chunks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? batchId, string reason);
}
