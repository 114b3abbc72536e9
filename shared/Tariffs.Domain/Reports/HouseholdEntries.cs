namespace Tariffs.Domain.Reports;

/// <summary>
/// The <see cref="HouseholdEntry"/> rows of a builder, in the order added, stored in fixed chunks: growing never copies
/// what is held, so a large unit leaves no discarded arrays behind for the collector (a doubling list would, on the
/// large-object heap).
/// </summary>
internal sealed class HouseholdEntries
{
    private const int ChunkBits = 13;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<HouseholdEntry[]> chunks = [];

    /// <summary>The entries added.</summary>
    public int Count { get; private set; }

    /// <summary>The entry at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public ref HouseholdEntry this[int index] => ref chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Appends <paramref name="entry"/>.</summary>
    public void Add(in HouseholdEntry entry)
    {
        if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkBits == chunks.Count)
            chunks.Add(new HouseholdEntry[ChunkSize]);
        this[Count++] = entry;
    }
}
