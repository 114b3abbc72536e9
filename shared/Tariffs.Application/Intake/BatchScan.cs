namespace Tariffs.Application.Intake;

/// <summary>
/// What a streaming scan of a billing batch document found: its top-level string properties (batchId,
/// authority, service, currency, …), the byte range of every element of its <c>lines</c> array, grouped
/// into chunks, and the line count. Ranges are absolute offsets in the document.
/// </summary>
public sealed record BatchScan(IReadOnlyDictionary<string, string> Header, IReadOnlyList<ByteRange> Chunks, int LineCount, bool HasLines)
{
    /// <summary>The first ten line numbers found again after their first line, in order.</summary>
    public IReadOnlyList<int> RepeatedLineNumbers { get; init; } = [];

    /// <summary>How many lines repeat the number of an earlier line.</summary>
    public int RepeatedLineCount { get; init; }

    /// <summary>Top-level properties whose value is a number, a boolean or null, with that JSON type (every header field is a string).</summary>
    public IReadOnlyDictionary<string, string> NotStrings { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A contiguous run of line elements: bytes [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Length"/>)
/// hold <see cref="Count"/> JSON objects separated by commas, the first being line index <see cref="FirstIndex"/>.
/// </summary>
public readonly record struct ByteRange(long Offset, int Length, int FirstIndex, int Count);
