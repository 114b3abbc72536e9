using System.Text;
using System.Text.Json;
using Tariffs.Application.Billing;
using Tariffs.Application.Contracts;
using Tariffs.Application.Intake;

namespace Tariffs.Application.Tests.Intake;

/// <summary>The scanner and the line validator agree on what a line number is; a byte-order mark, deep lines and repeated properties.</summary>
public class BatchScannerLimitTests
{
    private const string Header = "\"batchId\": \"b-1\", \"authority\": \"dunkerque\", \"service\": \"water\", \"currency\": \"EUR\"";

    private static Task<BatchScan> ScanAsync(byte[] bytes) => BatchScanner.ScanAsync(new MemoryStream(bytes), 1000, CancellationToken.None);

    private static byte[] Batch(params string[] lines) => Encoding.UTF8.GetBytes($"{{ {Header}, \"lines\": [{string.Join(", ", lines)}] }}");

    /// <summary>The lines of the scan's chunks, parsed as a chunk parses them, with the number the validator gives each refused line.</summary>
    private static List<int?> ValidatorLineNumbers(byte[] document, BatchScan scan) => scan.Chunks
        .SelectMany(r =>
        {
            using var chunk = JsonDocument.Parse("[" + Encoding.UTF8.GetString(document, (int)r.Offset, r.Length) + "]",
                new JsonDocumentOptions { MaxDepth = InputLimits.MaxBatchDepth - 1 });
            return chunk.RootElement.EnumerateArray().Select((e, i) => BillingLineValidator.Validate(e, i).LineNumber).ToList();
        })
        .ToList();

    [Theory]
    [InlineData("{\"lineNumber\": 1}", "{\"lineNumber\": \"1\"}")]
    [InlineData("{\"lineNumber\": 1}", "{\"LineNumber\": 1}")]
    [InlineData("{\"lineNumber\": 1}", "{\"lineNumber\": 1.0}")]
    [InlineData("{\"lineNumber\": 1}", "{\"lineNumber\": 2, \"lineNumber\": 1}")]
    public async Task A_value_that_is_not_a_line_number_is_neither_counted_by_the_scanner_nor_keyed_by_the_validator(string first, string second)
    {
        var bytes = Batch(first, second);

        var scan = await ScanAsync(bytes);

        Assert.Equal(0, scan.RepeatedLineCount);
        Assert.Equal([1, null], ValidatorLineNumbers(bytes, scan));
    }

    [Fact]
    public async Task The_same_number_written_the_same_way_twice_is_a_repeat()
    {
        var scan = await ScanAsync(Batch("{\"lineNumber\": 1}", "{\"line\\u004eumber\": 1}"));

        Assert.Equal([1], scan.RepeatedLineNumbers);
    }

    [Fact]
    public async Task A_byte_order_mark_is_accepted_and_ranges_still_index_the_document()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Batch("{\"lineNumber\": 1}", "{\"lineNumber\": 2}")).ToArray();

        var scan = await ScanAsync(bytes);

        Assert.Equal("b-1", scan.Header["batchId"]);
        Assert.Equal([1, 2], ValidatorLineNumbers(bytes, scan));
    }

    [Fact]
    public async Task A_line_nested_100_deep_is_scanned_and_left_to_its_own_rejection()
    {
        var deep = "{\"lineNumber\": 2, \"note\": " + new string('[', 100) + new string(']', 100) + "}";
        var bytes = Batch("{\"lineNumber\": 1}", deep, "{\"lineNumber\": 3}");

        var scan = await ScanAsync(bytes);

        Assert.Equal(3, scan.LineCount);
        Assert.Equal([1, 2, 3], ValidatorLineNumbers(bytes, scan));
    }

    [Fact]
    public async Task A_document_nested_deeper_than_the_batch_limit_is_refused_naming_the_limit()
    {
        var tooDeep = "{\"lineNumber\": 1, \"note\": " + new string('[', InputLimits.MaxBatchDepth) + new string(']', InputLimits.MaxBatchDepth) + "}";

        var e = await Assert.ThrowsAnyAsync<JsonException>(() => ScanAsync(Batch(tooDeep)));

        Assert.Contains($"maximum configured depth of {InputLimits.MaxBatchDepth}", e.Message);
    }

    [Fact]
    public async Task A_top_level_property_given_twice_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes($"{{ {Header}, \"batchId\": \"b-2\", \"lines\": [] }}");

        var e = await Assert.ThrowsAnyAsync<JsonException>(() => ScanAsync(bytes));

        Assert.StartsWith("The property 'batchId' is given twice", e.Message);
    }
}
