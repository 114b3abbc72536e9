namespace Tariffs.Application.Intake;

/// <summary>
/// The line numbers seen in a batch, as a bit per number in pages of 65,536 numbers allocated on first use: a
/// million consecutive numbers take 128 KB, and scattered numbers a page each.
/// </summary>
public sealed class LineNumberSet
{
    private const int PageBits = 16;
    private readonly Dictionary<int, ulong[]> pages = [];

    /// <summary>Adds a number (1 or more); false when it was there already.</summary>
    public bool Add(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        if (!pages.TryGetValue(number >> PageBits, out var page))
            pages[number >> PageBits] = page = new ulong[(1 << PageBits) / 64];
        var offset = number & ((1 << PageBits) - 1);
        var bit = 1UL << (offset & 63);
        if ((page[offset >> 6] & bit) != 0)
            return false;
        page[offset >> 6] |= bit;
        return true;
    }
}
