using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Application.Billing;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Telemetry;

namespace Tariffs.Application.Intake;

/// <summary>
/// Receives billing batches of any size. A batch posted over HTTP is streamed into blob storage; a stored
/// batch (posted, or referenced by a claim-check message) is scanned as a stream, its header checked, and
/// its lines fanned out as chunk messages of bounded size. A small batch sent inline on the queue is priced
/// in the same invocation, chunk by chunk. A batch refused as a whole is stored as a rejection with its reason.
/// </summary>
public sealed partial class BatchIntake(
    IBatchDocuments blobs,
    IBatches batches,
    CatalogRepository catalogs,
    IRejections rejections,
    IWorkQueues queues,
    ChunkProcessor chunks,
    MessageGuard guard,
    IOptions<IntakeOptions> options,
    IClock clock,
    ILogger<BatchIntake> logger)
{
    /// <summary>Rejections of batches whose id cannot be read are stored under this partition.</summary>
    public const string UnreadablePartition = "billing-batches";

    /// <summary>Bytes of a posted document the copy to storage may run ahead of the upload: a block (4 MB) and as much again.</summary>
    private const int StoreAhead = 8 * 1024 * 1024;

    /// <summary>Admits at most <see cref="IntakeOptions.ChunksInFlight"/> chunks to be read and priced at once in this process.</summary>
    private readonly SemaphoreSlim chunksInFlight = new(Math.Max(1, options.Value.ChunksInFlight));

    /// <summary>
    /// Streams a posted batch into blob storage and scans it as it arrives (each buffer of the body goes to both, no
    /// second read of the stored document), then, once it is stored, splits it into chunk messages. A batch whose
    /// <c>operator</c> the poster may not act for (<paramref name="mayActFor"/> false) is refused before anything is
    /// stored under its id or queued (<see cref="IntakeResult.ForbiddenOperator"/>); its upload is deleted.
    /// </summary>
    public async Task<IntakeResult> AcceptAsync(Stream body, Predicate<string?> mayActFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mayActFor);
        var blobName = $"incoming/{clock.GetCurrentInstant().ToDateTimeUtc():yyyy/MM/dd}/{Guid.NewGuid():N}.json";
        using var activity = TariffsTelemetry.StartIntake(blobName);
        var lap = Stopwatch.GetTimestamp();
        // The store may hold a block of the document while it uploads it: the scan reads on meanwhile.
        var toStore = new Pipe(new PipeOptions(pauseWriterThreshold: StoreAhead, resumeWriterThreshold: StoreAhead / 2));
        var toScan = new Pipe();
        var copying = BodyCopy.ToBothAsync(body, toStore.Writer, toScan.Writer, cancellationToken);
        var storing = StoreAsync(blobName, toStore.Reader, cancellationToken);
        var reading = ReadAsync(toScan.Reader, cancellationToken);
        await Task.WhenAll(copying, storing, reading).ConfigureAwait(false);
        // No redelivery over HTTP: a split that fails after the claim fails the chunks left at once.
        var result = await SplitAsync(blobName, blobName, await reading.ConfigureAwait(false), mayActFor, "the request", activity, lap, cancellationToken).ConfigureAwait(false);
        if (result.ForbiddenOperator is not null)
            await blobs.DeleteAsync(blobName, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Handles a message of <c>billing-batches</c> delivered for the <paramref name="dequeueCount"/>-th time: a claim-check
    /// reference, or a whole small batch. When its batch id is claimed but the message fails before every chunk is queued
    /// (or priced, inline) and this is its last delivery (<see cref="MessageGuard.IsLastDelivery"/>), the chunks left are
    /// recorded as failed (their lines rejected "not processed: …"), so that the batch reaches a terminal state.
    /// </summary>
    public async Task<IntakeResult> HandleMessageAsync(string body, string messageId, long dequeueCount, CancellationToken cancellationToken)
    {
        var lastDelivery = guard.IsLastDelivery(dequeueCount);
        if (TryReadClaimCheck(body) is { } blobName)
            return blobName.Length == 0 || blobName.Length > IBatchDocuments.MaxName
                ? await RefuseAsync(UnreadablePartition, messageId, null, 0, $"a claim-check's blobName is 1 to {IBatchDocuments.MaxName} characters", body, cancellationToken).ConfigureAwait(false)
                : await SplitStoredAsync(blobName, messageId, lastDelivery ? $"delivery {dequeueCount}" : null, cancellationToken).ConfigureAwait(false);

        using var activity = TariffsTelemetry.StartIntake(messageId);

        var bytes = Encoding.UTF8.GetBytes(body);
        var read = await ReadAsync(new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);
        var (scan, header, refusal, contentHash) = await CheckAsync(read, messageId, body, static _ => true, cancellationToken).ConfigureAwait(false);
        if (header is null)
            return new IntakeResult(null, scan?.LineCount ?? 0, 0, refusal);
        TariffsTelemetry.TagBatch(activity, header, scan!.LineCount);
        if (await ClaimAsync(header, "", scan!, contentHash!, body, cancellationToken).ConfigureAwait(false) is { } answered)
            return answered;
        for (var c = 0; c < scan!.Chunks.Count; c++)
        {
            var range = scan.Chunks[c];
            var content = bytes.AsMemory((int)range.Offset, range.Length);
            try
            {
                await chunks.ProcessAsync(header, c, range.FirstIndex, content, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (guard.IsUnprocessable(e)) // failing again cannot mend it: the chunk fails, the others go on
            {
                await chunks.FailAsync(header, c, range.FirstIndex, range.Count, content, guard.Describe(e), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && lastDelivery) // no delivery left: this chunk and the ones after it fail
            {
                var reason = $"{guard.Describe(e)} (delivery {dequeueCount})";
                for (var left = c; left < scan.Chunks.Count; left++)
                {
                    var r = scan.Chunks[left];
                    await chunks.FailAsync(header, left, r.FirstIndex, r.Count, bytes.AsMemory((int)r.Offset, r.Length), reason, cancellationToken).ConfigureAwait(false);
                }
                break;
            }
        }
        if (scan.Chunks.Count == 0)
            await batches.SaveChunkAsync(header.BatchId, new ChunkRecord { Chunk = 0, CompletedAt = clock.GetCurrentInstant().ToDateTimeOffset() }, cancellationToken).ConfigureAwait(false);
        await batches.MarkSplitAsync(header.BatchId, cancellationToken).ConfigureAwait(false);
        return new IntakeResult(header.BatchId, scan.LineCount, scan.Chunks.Count, null);
    }

    /// <summary>
    /// Processes a chunk message: waits its turn (<see cref="IntakeOptions.ChunksInFlight"/>), reads its byte range and
    /// prices its lines.
    /// </summary>
    public async Task<BatchOutcome> ProcessChunkAsync(ChunkMessage message, CancellationToken cancellationToken)
    {
        await chunksInFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await blobs.ReadRangeAsync(message.BlobName, message.Offset, message.Length, cancellationToken).ConfigureAwait(false);
            return await chunks.ProcessAsync(message.Header, message.Chunk, message.FirstIndex, content, cancellationToken, message.TraceParent).ConfigureAwait(false);
        }
        finally
        {
            chunksInFlight.Release();
        }
    }

    /// <summary>
    /// Handles a message of <c>billing-chunks</c> delivered for the <paramref name="dequeueCount"/>-th time: prices its
    /// chunk; when that fails for good (<see cref="MessageGuard.IsUnprocessable"/>) or on the message's last delivery
    /// (<see cref="MessageGuard.IsLastDelivery"/>), records the chunk as failed (<see cref="FailChunkAsync"/>) instead of
    /// throwing; any other failure is thrown, for the message to be delivered again. A message that is not a chunk
    /// message throws <see cref="JsonException"/>.
    /// </summary>
    public async Task<BatchOutcome> HandleChunkMessageAsync(string body, long dequeueCount, CancellationToken cancellationToken)
    {
        var chunk = ChunkMessage.Read(body);
        try
        {
            return await ProcessChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && (guard.IsUnprocessable(e) || guard.IsLastDelivery(dequeueCount)))
        {
            return await FailChunkAsync(chunk, $"{guard.Describe(e)} (delivery {dequeueCount})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records a chunk message that could not be processed (its last delivery failed, or it failed for good) as a failed
    /// chunk: its lines not in the ledger are rejected "not processed: <paramref name="reason"/>" (one rejection of the whole
    /// chunk when its content cannot be read), and the chunk counts as done, so that its batch reaches a terminal state.
    /// </summary>
    public async Task<BatchOutcome> FailChunkAsync(ChunkMessage message, string reason, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>? content;
        try
        {
            content = await blobs.ReadRangeAsync(message.BlobName, message.Offset, message.Length, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            content = null;
            reason = $"{reason}; its content could not be read either: {e.Message}";
        }
        return await chunks.FailAsync(message.Header, message.Chunk, message.FirstIndex, message.Count, content, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a stored batch (a claim-check's) and splits it (<see cref="SplitAsync"/>); a missing blob is refused.</summary>
    private async Task<IntakeResult> SplitStoredAsync(string blobName, string source, string? lastTry, CancellationToken cancellationToken)
    {
        using var activity = TariffsTelemetry.StartIntake(source);
        var lap = Stopwatch.GetTimestamp();
        DocumentRead read;
        await using (var stream = await blobs.OpenReadAsync(blobName, cancellationToken).ConfigureAwait(false))
        {
            if (stream is null)
                return await RefuseAsync(UnreadablePartition, source, null, 0, $"the claim-check blob '{blobName}' does not exist in container '{IBatchDocuments.ContainerName}'", blobName, cancellationToken).ConfigureAwait(false);
            read = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        return await SplitAsync(blobName, source, read, static _ => true, lastTry, activity, lap, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks a stored batch as read and queues one message per chunk. <paramref name="lastTry"/> (what the try was, for the
    /// reason) when no other try will come: a failure after the batch id is claimed then fails the chunks not queued.
    /// </summary>
    private async Task<IntakeResult> SplitAsync(string blobName, string source, DocumentRead read, Predicate<string?> mayActFor, string? lastTry, Activity? activity, long lap,
        CancellationToken cancellationToken)
    {
        var (scan, header, refusal, contentHash) = await CheckAsync(read, source, $"blob {blobName}", mayActFor, cancellationToken).ConfigureAwait(false);
        if (scan is not null && !mayActFor(scan.Header.GetValueOrDefault("operator")))
            return new IntakeResult(scan.Header.GetValueOrDefault("batchId"), scan.LineCount, 0, refusal) { ForbiddenOperator = scan.Header.GetValueOrDefault("operator") ?? "" };
        if (header is null)
            return new IntakeResult(null, scan?.LineCount ?? 0, 0, refusal);

        TariffsTelemetry.TagBatch(activity, header, scan!.LineCount);
        var scanMs = Laps.Next(ref lap);
        if (await ClaimAsync(header, blobName, scan!, contentHash!, $"blob {blobName}", cancellationToken).ConfigureAwait(false) is { } answered)
            return answered;
        var claimMs = Laps.Next(ref lap);
        for (var c = 0; c < scan!.Chunks.Count; c++)
        {
            var r = scan.Chunks[c];
            var message = new ChunkMessage(header.BatchId, header.Operator, header.Authority, header.Service, header.Currency, blobName, c, r.Offset, r.Length, r.FirstIndex, r.Count) { TraceParent = activity?.Id };
            try
            {
                await queues.SendAsync(QueueNames.BillingChunks, JsonSerializer.Serialize(message, TariffsJson.Options), null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && lastTry is not null)
            {
                var reason = $"the batch could not be split: chunk {c} could not be queued: {guard.Describe(e)} ({lastTry})";
                for (var left = c; left < scan.Chunks.Count; left++)
                {
                    var l = scan.Chunks[left];
                    await FailChunkAsync(message with { Chunk = left, Offset = l.Offset, Length = l.Length, FirstIndex = l.FirstIndex, Count = l.Count }, reason, cancellationToken).ConfigureAwait(false);
                }
                LogSplitFailed(logger, header.BatchId, c, scan.Chunks.Count, reason);
                break;
            }
        }
        if (scan.Chunks.Count == 0)
            await batches.SaveChunkAsync(header.BatchId, new ChunkRecord { Chunk = 0, CompletedAt = clock.GetCurrentInstant().ToDateTimeOffset() }, cancellationToken).ConfigureAwait(false);
        await batches.MarkSplitAsync(header.BatchId, cancellationToken).ConfigureAwait(false);
        LogSplit(logger, header.BatchId, scan.LineCount, scan.Chunks.Count, scanMs, claimMs, Laps.Next(ref lap));
        return new IntakeResult(header.BatchId, scan.LineCount, scan.Chunks.Count, null);
    }

    /// <summary>Uploads what <paramref name="content"/> receives as the stored document <paramref name="blobName"/>; the reader is completed however it ends.</summary>
    private async Task StoreAsync(string blobName, PipeReader content, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var stream = content.AsStream())
            await blobs.UploadAsync(blobName, stream, cancellationToken).ConfigureAwait(false);
        LogStored(logger, blobName, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Scans what <paramref name="content"/> receives (<see cref="ReadAsync(Stream, CancellationToken)"/>); the reader is completed however it ends.</summary>
    private async Task<DocumentRead> ReadAsync(PipeReader content, CancellationToken cancellationToken)
    {
        await using var stream = content.AsStream();
        return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scans a document to its end, hashing its bytes as they stream by; a document that is not a readable batch gives why instead.</summary>
    private async Task<DocumentRead> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            await using var hashing = new HashingReadStream(stream);
            var scan = await BatchScanner.ScanAsync(hashing, Math.Max(1, options.Value.ChunkSize), cancellationToken).ConfigureAwait(false);
            return new DocumentRead(scan, await hashing.HashToEndAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (JsonException e)
        {
            return new DocumentRead(null, null, $"not a readable billing batch: {e.Message}");
        }
    }

    /// <summary>Checks a document as read: its header and catalog; refusals are stored.</summary>
    private async Task<(BatchScan? Scan, BatchHeader? Header, string? Refusal, string? ContentHash)> CheckAsync(DocumentRead read, string source, string excerpt, Predicate<string?> mayActFor,
        CancellationToken cancellationToken)
    {
        if (read.Unreadable is { } unreadable)
        {
            await RefuseAsync(UnreadablePartition, source, null, 0, unreadable, excerpt, cancellationToken).ConfigureAwait(false);
            return (null, null, unreadable, null);
        }
        var (scan, contentHash) = (read.Scan!, read.ContentHash!);

        if (!mayActFor(scan.Header.GetValueOrDefault("operator")))
            return (scan, null, $"the poster may not act for operator '{scan.Header.GetValueOrDefault("operator")}'", contentHash);

        var errors = new ValidationErrors();
        var header = BatchHeader.From(scan, errors);
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
            return (scan, header, null, contentHash);

        var refusal = errors.ToString();
        if (ValidationErrors.IsId(batchId))
        {
            await batches.SaveHeaderAsync(new BatchRecord
            {
                BatchId = batchId,
                // Header fields of a refused batch may be past every limit: cut to what a row holds, like the refusal.
                Operator = Rejection.Truncate(scan.Header.GetValueOrDefault("operator") ?? "", InputLimits.MaxIdLength),
                Authority = Rejection.Truncate(scan.Header.GetValueOrDefault("authority") ?? "", InputLimits.MaxIdLength),
                Lines = scan.LineCount,
                Refusal = Rejection.Truncate(refusal, Rejection.MaxReason),
                ContentHash = contentHash,
                ReceivedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
            }, cancellationToken).ConfigureAwait(false);
            await RefuseAsync(batchId, "batch", batchId, scan.LineCount, refusal, excerpt, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RefuseAsync(UnreadablePartition, source, null, scan.LineCount, refusal, excerpt, cancellationToken).ConfigureAwait(false);
        }
        return (scan, null, refusal, null);
    }

    /// <summary>
    /// Claims the batch id for this document. Null: go on (the id is new, or this same document's earlier delivery
    /// stopped before every chunk was queued — chunks priced then append nothing). Else the answer: a resend of a
    /// batch already split changes nothing; other content under a taken id is refused with a stored rejection.
    /// </summary>
    private async Task<IntakeResult?> ClaimAsync(BatchHeader header, string blobName, BatchScan scan, string contentHash, string excerpt, CancellationToken cancellationToken)
    {
        var stored = await batches.ClaimAsync(new BatchRecord
        {
            BatchId = header.BatchId,
            Operator = header.Operator,
            Authority = header.Authority,
            Service = header.Service,
            Currency = header.Currency,
            BlobName = blobName,
            Lines = scan.LineCount,
            Chunks = Math.Max(1, scan.Chunks.Count),
            ReceivedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
            ContentHash = contentHash,
        }, cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return null;
        if (stored.ContentHash == contentHash && stored.Operator == header.Operator)
        {
            if (!stored.Split)
                return null;
            LogDuplicate(logger, header.BatchId);
            return new IntakeResult(header.BatchId, stored.Lines, stored.Chunks, null, Duplicate: true);
        }
        var reason = $"batch id '{header.BatchId}' is taken by a batch with other content (this document's SHA-256 is {contentHash}): a batch id names one document; send a changed batch under a new id";
        await rejections.AddAsync([new Rejection(header.BatchId, RowKeys.Join("conflict", contentHash), UnreadablePartition, reason, excerpt)], cancellationToken).ConfigureAwait(false);
        LogRefused(logger, header.BatchId, reason);
        return new IntakeResult(header.BatchId, scan.LineCount, 0, reason, Conflict: true);
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch document {BlobName} stored in {Milliseconds} ms")]
    private static partial void LogStored(ILogger logger, string blobName, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Lines} lines split into {Chunks} chunk messages; ms: read and scan {ScanMs}, claim {ClaimMs}, queue {QueueMs}")]
    private static partial void LogSplit(ILogger logger, string batchId, int lines, int chunks, long scanMs, long claimMs, long queueMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: chunks {First} to {Total} (excluded) failed, not queued: {Reason}")]
    private static partial void LogSplitFailed(ILogger logger, string batchId, int first, int total, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} received again with the same content: nothing to do")]
    private static partial void LogDuplicate(ILogger logger, string batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? batchId, string reason);
}
