using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tariffs.Application.Intake;

namespace Tariffs.Application.Telemetry;

/// <summary>
/// The service's own OpenTelemetry instruments: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both
/// named <see cref="Name"/>. A batch intake and each chunk get an activity tagged (and baggaged) with the batch id;
/// a chunk message carries the W3C <c>traceparent</c> of its intake, so a batch's chunks are children of its intake
/// whichever host or invocation prices them. Counters are cumulative per process and tagged by authority and
/// service (never by batch or household: bounded cardinality). A redelivered chunk counts again.
/// </summary>
public static class TariffsTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "Tariffs";

    /// <summary>Tag and baggage key holding the batch id.</summary>
    public const string BatchIdKey = "tariffs.batch_id";

    /// <summary>Source of the intake and chunk activities.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Meter of every counter below.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Billing lines in batches accepted by intake.</summary>
    public static readonly Counter<long> LinesReceived = Meter.CreateCounter<long>("tariffs.batch.lines.received", "{line}", "Billing lines in batches accepted by intake");

    /// <summary>Billing lines priced by chunks.</summary>
    public static readonly Counter<long> LinesPriced = Meter.CreateCounter<long>("tariffs.batch.lines.priced", "{line}", "Billing lines priced");

    /// <summary>Billing lines rejected (stored with their reason).</summary>
    public static readonly Counter<long> LinesRejected = Meter.CreateCounter<long>("tariffs.batch.lines.rejected", "{line}", "Billing lines rejected with a stored reason");

    /// <summary>Adjustments of the lines priced by chunks.</summary>
    public static readonly Counter<long> AdjustmentsWritten = Meter.CreateCounter<long>("tariffs.adjustments.written", "{adjustment}", "Adjustments appended to the ledger by priced chunks");

    /// <summary>Ledger rows (lines and adjustments) actually inserted: a redelivered chunk adds none.</summary>
    public static readonly Counter<long> LedgerRowsInserted = Meter.CreateCounter<long>("tariffs.ledger.rows.inserted", "{row}", "Ledger rows inserted (first write of a key)");

    /// <summary>Webhook delivery attempts that failed after the client's retries (first attempts and replays).</summary>
    public static readonly Counter<long> WebhookDeliveriesFailed = Meter.CreateCounter<long>("tariffs.webhook.deliveries.failed", "{delivery}", "Webhook deliveries that failed after retries");

    /// <summary>Failed webhook deliveries kept in table <c>deliveries</c> for replay.</summary>
    public static readonly Counter<long> WebhookDeliveriesKept = Meter.CreateCounter<long>("tariffs.webhook.deliveries.kept", "{delivery}", "Failed webhook deliveries kept for replay");

    /// <summary>Storage requests sent by the app's clients; an entity group transaction is one.</summary>
    public static readonly Counter<long> StorageTransactions = Meter.CreateCounter<long>("tariffs.storage.transactions", "{transaction}", "Storage requests sent (an entity group transaction counts one)");

    /// <summary>Starts the activity of a batch intake (null when nobody listens); tag it with <see cref="TagBatch"/> once the id is read.</summary>
    public static Activity? StartIntake(string source) =>
        Source.StartActivity("batch intake", ActivityKind.Consumer)?.SetTag("tariffs.batch.source", source);

    /// <summary>Tags an intake activity with its batch id, as tag and baggage, and counts the batch's lines as received.</summary>
    public static void TagBatch(Activity? activity, BatchHeader header, int lines)
    {
        activity?.SetTag(BatchIdKey, header.BatchId).SetBaggage(BatchIdKey, header.BatchId).SetTag("tariffs.batch.lines", lines);
        LinesReceived.Add(lines, Tags(header));
    }

    /// <summary>
    /// Starts the activity of one chunk: a child of the intake whose <paramref name="traceParent"/> the chunk message
    /// carries (linked to the current invocation's activity), else of the current activity.
    /// </summary>
    public static Activity? StartChunk(string batchId, int chunk, string? traceParent = null)
    {
        var current = Activity.Current;
        var activity = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity("chunk", ActivityKind.Consumer, parent, links: current is null ? null : [new ActivityLink(current.Context)])
            : Source.StartActivity("chunk", ActivityKind.Internal);
        return activity?.SetTag(BatchIdKey, batchId).SetBaggage(BatchIdKey, batchId).SetTag("tariffs.chunk", chunk);
    }

    /// <summary>Counts what a chunk did.</summary>
    public static void RecordChunk(BatchHeader header, int priced, int rejected, int adjustments, int rowsInserted)
    {
        var tags = Tags(header);
        LinesPriced.Add(priced, tags);
        LinesRejected.Add(rejected, tags);
        AdjustmentsWritten.Add(adjustments, tags);
        LedgerRowsInserted.Add(rowsInserted, tags);
    }

    /// <summary>Counts a webhook delivery that failed after retries; <paramref name="kept"/> when it was stored for replay.</summary>
    public static void RecordWebhookFailure(string @operator, bool kept)
    {
        var tag = new KeyValuePair<string, object?>("tariffs.operator", @operator);
        WebhookDeliveriesFailed.Add(1, tag);
        if (kept)
            WebhookDeliveriesKept.Add(1, tag);
    }

    private static TagList Tags(BatchHeader header) => new()
    {
        { "tariffs.authority", header.Authority },
        { "tariffs.service", header.Service },
    };
}
