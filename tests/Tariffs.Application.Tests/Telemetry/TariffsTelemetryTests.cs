using System.Diagnostics;
using Tariffs.Application.Intake;
using Tariffs.Application.Telemetry;

namespace Tariffs.Application.Tests.Telemetry;

public sealed class TariffsTelemetryTests
{
    [Fact]
    public void A_chunk_moves_the_line_and_adjustment_counters_of_its_authority()
    {
        var authority = $"authority-{Guid.NewGuid():N}";
        var header = new BatchHeader("b-1", "op", authority, "water", "EUR");
        using var recorder = new MeasurementRecorder("tariffs.authority", authority);

        TariffsTelemetry.TagBatch(null, header, 2_000);
        TariffsTelemetry.RecordChunk(header, priced: 1_990, rejected: 10, adjustments: 400, rowsInserted: 2_390);
        TariffsTelemetry.RecordChunk(header, priced: 5, rejected: 0, adjustments: 1, rowsInserted: 0);

        Assert.Equal(2_000, recorder.Sum("tariffs.batch.lines.received"));
        Assert.Equal(1_995, recorder.Sum("tariffs.batch.lines.priced"));
        Assert.Equal(10, recorder.Sum("tariffs.batch.lines.rejected"));
        Assert.Equal(401, recorder.Sum("tariffs.adjustments.written"));
        Assert.Equal(2_390, recorder.Sum("tariffs.ledger.rows.inserted"));
    }

    [Fact]
    public void A_failed_webhook_delivery_counts_as_failed_and_kept_only_when_stored()
    {
        var @operator = $"op-{Guid.NewGuid():N}";
        using var recorder = new MeasurementRecorder("tariffs.operator", @operator);

        TariffsTelemetry.RecordWebhookFailure(@operator, kept: true);
        TariffsTelemetry.RecordWebhookFailure(@operator, kept: false);

        Assert.Equal(2, recorder.Sum("tariffs.webhook.deliveries.failed"));
        Assert.Equal(1, recorder.Sum("tariffs.webhook.deliveries.kept"));
    }

    [Fact]
    public void A_chunk_activity_is_a_child_of_the_intake_whose_traceparent_its_message_carries()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TariffsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var header = new BatchHeader($"b-{Guid.NewGuid():N}", "op", "a", "water", "EUR");

        string traceParent;
        ActivityTraceId traceId;
        ActivitySpanId intakeSpan;
        using (var intake = TariffsTelemetry.StartIntake("test")!)
        {
            TariffsTelemetry.TagBatch(intake, header, 10);
            traceParent = intake.Id!;
            traceId = intake.TraceId;
            intakeSpan = intake.SpanId;
        }

        // Another invocation, later, elsewhere: no current activity but the one the host made.
        using var invocation = new Activity("invocation").Start();
        using var chunk = TariffsTelemetry.StartChunk(header.BatchId, 3, traceParent)!;

        Assert.Equal(traceId, chunk.TraceId);
        Assert.Equal(intakeSpan, chunk.ParentSpanId);
        Assert.Equal(header.BatchId, chunk.GetTagItem(TariffsTelemetry.BatchIdKey));
        Assert.Equal(header.BatchId, chunk.GetBaggageItem(TariffsTelemetry.BatchIdKey));
        Assert.Contains(chunk.Links, l => l.Context.SpanId == invocation.SpanId);
    }
}
