using Tariffs.Application.Contracts;
using Tariffs.Application.Intake;

namespace Tariffs.Application.Tests.Intake;

/// <summary>
/// A batch id is the partition of its rejections: the partitions kept for rejections of queue messages are reserved, so
/// a batch named like a queue cannot share a rejection key with an unreadable message of that queue.
/// </summary>
public class BatchHeaderTests
{
    private static (BatchHeader? Header, string Errors) Read(string batchId)
    {
        var errors = new ValidationErrors();
        var header = BatchHeader.From(new BatchScan(new Dictionary<string, string>
        {
            ["batchId"] = batchId, ["operator"] = "op", ["authority"] = "a", ["service"] = "water", ["currency"] = "EUR",
        }, [], 0, HasLines: true), errors);
        return (header, errors.ToString());
    }

    [Theory]
    [InlineData("billing-batches")]
    [InlineData("eligibility-flags")]
    [InlineData("eligibility-flags-poison")]
    [InlineData("webhook-deliveries-poison")]
    [InlineData("last-error|billing-chunks")]
    public void A_batch_id_reserved_for_queue_rejections_is_refused(string batchId)
    {
        var (header, errors) = Read(batchId);

        Assert.Null(header);
        Assert.Equal($"$.batchId: '{batchId}' is reserved: the rejections of queue messages are stored under it", errors);
    }

    [Theory]
    [InlineData("billing-batches-2022")]
    [InlineData("eligibility-flags-poison-x")]
    [InlineData("last-error")]
    public void An_id_that_only_looks_like_one_is_a_batch_id(string batchId)
    {
        var (header, errors) = Read(batchId);

        Assert.Equal(batchId, header?.BatchId);
        Assert.Equal("", errors);
    }

    [Fact]
    public async Task A_header_field_of_the_wrong_type_is_reported_as_such_not_as_missing()
    {
        var document = """{"batchId": 1, "operator": true, "authority": null, "service": "water", "currency": "EUR", "lines": []}"""u8.ToArray();
        var scan = await BatchScanner.ScanAsync(new MemoryStream(document), 10, CancellationToken.None);
        var errors = new ValidationErrors();

        Assert.Null(BatchHeader.From(scan, errors));
        Assert.Equal("$.batchId: must be a string (got a number); $.operator: must be a string (got a boolean); $.authority: must be a string (got null)", errors.ToString());
    }
}
