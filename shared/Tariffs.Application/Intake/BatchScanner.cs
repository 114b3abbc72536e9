using System.Buffers;
using System.Text.Json;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Intake;

/// <summary>
/// Scans a billing batch document of any size from a stream with a bounded buffer: it checks that the whole
/// document is well-formed JSON, keeps the top-level string properties, and records the byte ranges of the
/// elements of the top-level <c>lines</c> array in chunks of at most <c>chunkSize</c> lines — without holding
/// the document in memory. It also reads each line's number (<see cref="LineNumberReader"/>), to report numbers that
/// repeat (they key every adjustment). A UTF-8 byte-order mark is skipped. A malformed document, one nested deeper than
/// <see cref="InputLimits.MaxBatchDepth"/> or one giving a top-level property twice throws <see cref="JsonException"/>
/// with the byte offset.
/// </summary>
public static class BatchScanner
{
    private const int InitialBuffer = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Scans the stream to its end.</summary>
    public static async Task<BatchScan> ScanAsync(Stream stream, int chunkSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var scanner = new Scanner(chunkSize);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var filled = 0;        // bytes of buffer holding data
            var start = 0;         // first byte not consumed yet
            long bufferOffset = 0; // absolute offset of buffer[0]
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = InputLimits.MaxBatchDepth });
            var atStart = true;
            while (true)
            {
                if (!final)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                        bufferOffset += start;
                        filled -= start;
                        start = 0;
                    }
                    if (filled == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    filled += read;
                    final = read == 0;
                    if (atStart && (filled >= 3 || final))
                    {
                        atStart = false;
                        if (buffer.AsSpan(0, filled).StartsWith(Utf8Bom))
                            start = Utf8Bom.Length; // offsets stay absolute: chunk ranges still index the stored document
                    }
                    else if (atStart)
                        continue;
                }
                var consumed = scanner.Scan(buffer.AsSpan(start, filled - start), bufferOffset + start, final, ref state);
                start += consumed;
                if (final)
                    break;
            }
            return scanner.Result();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The scan state between buffer refills.</summary>
    private sealed class Scanner(int chunkSize)
    {
        private readonly Dictionary<string, string> header = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> notStrings = new(StringComparer.Ordinal);
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly List<ByteRange> chunks = [];
        private string? property;
        private bool inLines, sawLines, done;
        private int lineCount;
        private long chunkStart = -1, chunkEnd;
        private int chunkFirst, chunkCount;
        private readonly LineNumberSet lineNumbers = new();
        private readonly List<int> repeated = [];
        private int repeatedCount;

        /// <summary>Reads as many whole tokens as the span holds; returns the bytes consumed.</summary>
        public int Scan(ReadOnlySpan<byte> span, long spanOffset, bool final, ref JsonReaderState state)
        {
            var reader = new Utf8JsonReader(span, final, state);
            while (true)
            {
                var before = reader.CurrentState;
                var consumedBefore = (int)reader.BytesConsumed;
                if (!reader.Read())
                {
                    if (final && !done)
                        throw new JsonException($"The document ends before its JSON is complete (byte {spanOffset + reader.BytesConsumed}).");
                    state = reader.CurrentState;
                    return (int)reader.BytesConsumed;
                }
                if (done)
                    throw new JsonException($"Unexpected data after the end of the document (byte {spanOffset + reader.TokenStartIndex}).");
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when reader.CurrentDepth == 0:
                        break;
                    case JsonTokenType.EndObject when reader.CurrentDepth == 0:
                        done = true;
                        break;
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        property = reader.GetString();
                        if (!seen.Add(property!))
                            throw new JsonException($"The property '{Shortened(property!)}' is given twice (byte {spanOffset + reader.TokenStartIndex}).");
                        break;
                    case JsonTokenType.StartArray when reader.CurrentDepth == 1 && property == "lines":
                        inLines = sawLines = true;
                        break;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 1 && inLines:
                        inLines = false;
                        CloseChunk();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth == 2 && inLines:
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth == 1:
                        var elementIndex = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            // The element is not all in the buffer: come back to it with more data.
                            state = before;
                            return consumedBefore;
                        }
                        if (reader.CurrentDepth == 2 || inLines)
                        {
                            AddLine(spanOffset + elementIndex, spanOffset + reader.BytesConsumed);
                            CountLineNumber(LineNumberReader.Read(span[elementIndex..(int)reader.BytesConsumed]));
                        }
                        break;
                    case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                        when reader.CurrentDepth == 2 && inLines:
                        AddLine(spanOffset + reader.TokenStartIndex, spanOffset + reader.BytesConsumed);
                        break;
                    case JsonTokenType.String when reader.CurrentDepth == 1 && property is not null:
                        header[property] = reader.GetString()!;
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null when reader.CurrentDepth == 1 && property is not null:
                        notStrings[property] = reader.TokenType switch
                        {
                            JsonTokenType.Number => "a number",
                            JsonTokenType.Null => "null",
                            _ => "a boolean",
                        };
                        break;
                    case JsonTokenType.StartArray or JsonTokenType.StartObject:
                        throw new JsonException("A billing batch is a JSON object.");
                }
            }
        }

        private void AddLine(long from, long to)
        {
            if (chunkStart < 0)
            {
                chunkStart = from;
                chunkFirst = lineCount;
                chunkCount = 0;
            }
            chunkEnd = to;
            chunkCount++;
            lineCount++;
            if (chunkCount == chunkSize)
                CloseChunk();
        }

        /// <summary>Notes a line's number, when it has one (the validator refuses the others).</summary>
        private void CountLineNumber(int? number)
        {
            if (number is { } n && !lineNumbers.Add(n) && repeatedCount++ < 10)
                repeated.Add(n);
        }

        private static string Shortened(string name) => name.Length <= InputLimits.MaxIdLength ? name : $"{name[..InputLimits.MaxIdLength]}…";

        private void CloseChunk()
        {
            if (chunkStart < 0)
                return;
            chunks.Add(new ByteRange(chunkStart, checked((int)(chunkEnd - chunkStart)), chunkFirst, chunkCount));
            chunkStart = -1;
        }

        public BatchScan Result() => new(header, chunks, lineCount, sawLines) { RepeatedLineNumbers = repeated, RepeatedLineCount = repeatedCount, NotStrings = notStrings };
    }
}
