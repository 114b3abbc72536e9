using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// One batch through the running host: submitted (POST /api/batches, or a claim-check message), GET /api/batches/{id}
/// polled until completed, then POST /api/reports/equity/recompute (incremental: the units the batch wrote to); timed from the submission to the report's answer. Storage transactions
/// are the host's counter after minus before; the host's peak working set (VmHWM) is read once the batch is completed,
/// before the report. Ledger rows of the batch are counted after the clock stops.
/// </summary>
public sealed record BatchRun(
    int Lines,
    int Chunks,
    double SecondsToCompleted,
    double? SecondsToReport,
    long StorageTransactions,
    long LedgerLines,
    long LedgerAdjustments,
    int AdjustmentsReported,
    double PeakWorkingSetMegabytes)
{
    /// <summary>Seconds the report's refresh took (POST /api/reports/equity/recompute, incremental), or null when not refreshed.</summary>
    public double? RefreshSeconds => SecondsToReport - SecondsToCompleted;

    /// <summary>Peak working set of the host during the report's refresh alone (reset before it), in MB; null when not refreshed.</summary>
    public double? RefreshPeakWorkingSetMegabytes { get; init; }

    /// <summary>
    /// Working set of the host right before the report's refresh, in MB: the floor of <see cref="RefreshPeakWorkingSetMegabytes"/>
    /// (what the host kept from the batch and from before); null when not refreshed.
    /// </summary>
    public double? RefreshFloorMegabytes { get; init; }

    /// <summary>
    /// Working set of the host when the batch was submitted, in MB: the floor of <see cref="PeakWorkingSetMegabytes"/>
    /// after a reset (what the process kept from before — runtime, compiled code, caches, heap not given back).
    /// </summary>
    public double StartWorkingSetMegabytes { get; init; }

    /// <summary>CPU seconds the host used from the submission to completed (not the report's).</summary>
    public double HostCpuSeconds { get; init; }

    /// <summary>CPU seconds the storage emulator used from the submission to completed, or null when not measured.</summary>
    public double? StorageCpuSeconds { get; init; }

    /// <summary>Lines per second from submission to the report updated (to completed when the report was not recomputed).</summary>
    public double LinesPerSecond => Lines / (SecondsToReport ?? SecondsToCompleted);

    /// <summary>Storage transactions per billing line.</summary>
    public double TransactionsPerLine => (double)StorageTransactions / Lines;

    /// <summary>Runs one batch posted over HTTP: POST /api/batches with the file streamed.</summary>
    public static Task<BatchRun> PostAsync(HostProcess host, string connectionString, string batchFile, string batchId, int lines, bool countLedger, Action<string> progress) =>
        RunAsync(host, connectionString, batchId, lines, countLedger, recompute: true, progress, async () =>
        {
            await using var file = File.OpenRead(batchFile);
            using var content = new StreamContent(file, 1 << 20);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var posted = await host.Client.PostAsync("api/batches", content);
            if (posted.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"POST /api/batches answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        });

    /// <summary>
    /// Runs one batch sent by claim-check, as an operator sends a batch too large for an HTTP request: the document is
    /// uploaded to container <c>batches</c> first (not timed), then the clock starts as the claim-check message is queued.
    /// </summary>
    public static async Task<BatchRun> ClaimCheckAsync(HostProcess host, string connectionString, string batchFile, string batchId, int lines, bool countLedger, bool recompute,
        Action<string> progress)
    {
        var blobName = $"incoming/{batchId}.json";
        var blob = new BlobContainerClient(connectionString, "batches").GetBlobClient(blobName);
        await blob.UploadAsync(batchFile, overwrite: true);
        progress("uploaded");
        var queue = new QueueClient(connectionString, "billing-batches", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        return await RunAsync(host, connectionString, batchId, lines, countLedger, recompute, progress,
            () => queue.SendMessageAsync(JsonSerializer.Serialize(new { claimCheck = new { blobName } })));
    }

    private static async Task<BatchRun> RunAsync(HostProcess host, string connectionString, string batchId, int lines, bool countLedger, bool recompute, Action<string> progress,
        Func<Task> submit)
    {
        var before = await host.StorageTransactionsAsync();
        var startWorkingSet = host.WorkingSetBytes() / 1e6;
        var hostCpu = host.CpuTime();
        var storageCpu = host.StorageCpuTime();
        var watch = Stopwatch.StartNew();
        await submit();
        progress($"submitted after {watch.Elapsed.TotalSeconds:F1} s");

        JsonObject status;
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            using var response = await host.Client.GetAsync($"api/batches/{Uri.EscapeDataString(batchId)}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                // A claim-checked batch is known once its intake has read the header.
                await Task.Delay(250);
                continue;
            }
            response.EnsureSuccessStatusCode();
            status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if ((string?)status["state"] == "completed")
                break;
            if ((string?)status["state"] == "refused")
                throw new InvalidOperationException($"The batch was refused: {status}");
            if (watch.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = watch.Elapsed;
                progress($"{watch.Elapsed.TotalSeconds:F0} s: {status["chunksDone"]}/{status["chunksTotal"]} chunks");
            }
            await Task.Delay(250);
        }
        var completed = watch.Elapsed;
        var hostCpuSeconds = (host.CpuTime() - hostCpu).TotalSeconds;
        var storageCpuSeconds = host.StorageCpuTime() - storageCpu is { } used ? used.TotalSeconds : (double?)null;
        progress(string.Create(CultureInfo.InvariantCulture,
            $"completed after {completed.TotalSeconds:F1} s; CPU: host {hostCpuSeconds:F1} s, storage emulator {storageCpuSeconds:F1} s"));
        var peak = host.PeakWorkingSetBytes();
        double? refreshPeak = null, refreshFloor = null;
        if (recompute)
        {
            host.ResetPeakWorkingSet();
            refreshFloor = host.WorkingSetBytes() / 1e6;
            using var recomputed = await host.Client.PostAsync("api/reports/equity/recompute", null);
            if (!recomputed.IsSuccessStatusCode)
                throw new InvalidOperationException($"Recompute answered {(int)recomputed.StatusCode}");
            refreshPeak = host.PeakWorkingSetBytes() / 1e6;
        }
        var reported = watch.Elapsed;
        var after = await host.StorageTransactionsAsync();

        long ledgerLines = 0, ledgerAdjustments = 0;
        if (countLedger)
        {
            var ledger = new TableClient(connectionString, "ledger");
            await foreach (var row in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"BatchId eq {batchId}"), select: ["Kind"]))
            {
                if (row.GetString("Kind") == "adjustment")
                    ledgerAdjustments++;
                else
                    ledgerLines++;
            }
        }
        return new BatchRun(lines, (int)status["chunksTotal"]!, completed.TotalSeconds, recompute ? reported.TotalSeconds : null, after - before, ledgerLines, ledgerAdjustments,
            (int)status["adjustmentsWritten"]!, peak / 1e6)
        {
            RefreshPeakWorkingSetMegabytes = refreshPeak,
            RefreshFloorMegabytes = refreshFloor,
            HostCpuSeconds = hostCpuSeconds,
            StartWorkingSetMegabytes = startWorkingSet,
            StorageCpuSeconds = storageCpuSeconds,
        };
    }
}
