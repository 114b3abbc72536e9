using System.Text;
using System.Text.Json;
using Tariffs.Application.Intake;

namespace Tariffs.Application.Tests.Intake;

public class BatchScannerTests
{
    private static string Document(int lines, string padding = "", bool headerLast = false)
    {
        var items = string.Join(",\n  ", Enumerable.Range(1, lines).Select(i => $"{{\"lineNumber\": {i}, \"note\": \"{padding}\"}}"));
        const string header = "\"batchId\": \"b-1\", \"authority\": \"dunkerque\", \"service\": \"water\", \"currency\": \"EUR\", \"extra\": {\"nested\": [1, 2]}";
        return headerLast ? $"{{ \"lines\": [\n  {items}\n], {header} }}" : $"{{ {header}, \"lines\": [\n  {items}\n] }}";
    }

    /// <summary>The line numbers held in each chunk's byte range, read back the way a chunk processor reads them.</summary>
    private static List<List<int>> LineNumbersPerChunk(byte[] document, BatchScan scan) => scan.Chunks
        .Select(r => JsonDocument.Parse("[" + Encoding.UTF8.GetString(document, (int)r.Offset, r.Length) + "]").RootElement
            .EnumerateArray().Select(e => e.GetProperty("lineNumber").GetInt32()).ToList())
        .ToList();

    [Fact]
    public async Task Splits_seven_lines_into_chunks_of_three_and_keeps_the_header_wherever_it_is()
    {
        var bytes = Encoding.UTF8.GetBytes(Document(7, headerLast: true));

        var scan = await BatchScanner.ScanAsync(new MemoryStream(bytes), 3, CancellationToken.None);

        Assert.Equal(7, scan.LineCount);
        Assert.Equal([[1, 2, 3], [4, 5, 6], [7]], LineNumbersPerChunk(bytes, scan));
        Assert.Equal([0, 3, 6], scan.Chunks.Select(c => c.FirstIndex));
        Assert.Equal("b-1", scan.Header["batchId"]);
        Assert.Equal("EUR", scan.Header["currency"]);
        Assert.False(scan.Header.ContainsKey("extra"));
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 64)]
    [InlineData(3, 4096)]
    public async Task Gives_the_same_ranges_whatever_the_stream_hands_out_at_a_time(int seed, int maxRead)
    {
        // 3,000 lines of ~100 bytes (≈300 KB) cross the 64 KiB buffer many times.
        var bytes = Encoding.UTF8.GetBytes(Document(3000, padding: new string('x', 60)));
        var whole = await BatchScanner.ScanAsync(new MemoryStream(bytes), 1000, CancellationToken.None);

        var trickled = await BatchScanner.ScanAsync(new TricklingStream(bytes, seed, maxRead), 1000, CancellationToken.None);

        Assert.Equal(whole.Chunks, trickled.Chunks);
        Assert.Equal(Enumerable.Range(1, 3000), LineNumbersPerChunk(bytes, trickled).SelectMany(c => c));
    }

    [Fact]
    public async Task A_single_line_larger_than_the_buffer_is_read_whole()
    {
        var bytes = Encoding.UTF8.GetBytes(Document(3, padding: new string('y', 300_000)));

        var scan = await BatchScanner.ScanAsync(new TricklingStream(bytes, 4, 50_000), 2, CancellationToken.None);

        Assert.Equal([[1, 2], [3]], LineNumbersPerChunk(bytes, scan));
    }

    [Fact]
    public async Task Empty_lines_array_gives_no_chunk_and_missing_lines_is_reported()
    {
        var empty = await BatchScanner.ScanAsync(new MemoryStream("{\"batchId\":\"b\",\"lines\":[]}"u8.ToArray()), 10, CancellationToken.None);
        var none = await BatchScanner.ScanAsync(new MemoryStream("{\"batchId\":\"b\"}"u8.ToArray()), 10, CancellationToken.None);

        Assert.True(empty.HasLines);
        Assert.Empty(empty.Chunks);
        Assert.False(none.HasLines);
    }

    [Theory]
    [InlineData("{\"batchId\": \"b\", \"lines\": [ {\"a\": 1}, {\"a\": ")]
    [InlineData("{\"batchId\": \"b\", \"lines\": [ {\"a\": 1} }")]
    [InlineData("[ {\"batchId\": \"b\"} ]")]
    [InlineData("{\"batchId\": \"b\"} {\"batchId\": \"c\"}")]
    [InlineData("")]
    public async Task Malformed_documents_are_refused(string text)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => BatchScanner.ScanAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Reports_line_numbers_that_repeat_across_chunks_and_buffer_refills()
    {
        // Numbers 1..5000, then 17, 4999 and 17 again; nested "lineNumber"s and other properties are not the line's.
        var lines = Enumerable.Range(1, 5_000).Append(17).Append(4_999).Append(17)
            .Select(n => $$"""{"facts": {"lineNumber": 1}, "note": "{{new string('x', n % 50)}}", "lineNumber": {{n}}}""");
        var bytes = Encoding.UTF8.GetBytes($$"""{"batchId": "b-1", "lines": [{{string.Join(",", lines)}}]}""");

        var scan = await BatchScanner.ScanAsync(new TricklingStream(bytes, 7, 997), 2_000, CancellationToken.None);

        Assert.Equal(5_003, scan.LineCount);
        Assert.Equal([17, 4_999, 17], scan.RepeatedLineNumbers);
        Assert.Equal(3, scan.RepeatedLineCount);
    }

    [Fact]
    public async Task Unique_line_numbers_however_large_are_not_reported()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"lines": [{"lineNumber": 1}, {"lineNumber": 2147483647}, {"lineNumber": 65536}, {"lineNumber": 65537}, {"lineNumber": "1"}, {"lineNumber": 0}, {}, 5]}""");

        var scan = await BatchScanner.ScanAsync(new MemoryStream(bytes), 3, CancellationToken.None);

        Assert.Equal(8, scan.LineCount);
        Assert.Equal(0, scan.RepeatedLineCount);
    }
}
