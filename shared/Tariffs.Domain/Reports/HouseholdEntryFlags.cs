namespace Tariffs.Domain.Reports;

/// <summary>What a <see cref="HouseholdEntry"/> says of its household.</summary>
[Flags]
internal enum HouseholdEntryFlags : byte
{
    /// <summary>A service event's compensation: the household is not billed by it.</summary>
    None = 0,

    /// <summary>A billed line: the household counts as billed in the line's cells.</summary>
    Billed = 1,

    /// <summary>Eligible on the line.</summary>
    Eligible = 2,

    /// <summary>Received an adjustment or a payment on the line.</summary>
    Received = 4,

    /// <summary>Eligible by determination on the line.</summary>
    Determined = 8,

    /// <summary>Eligible by an agency's flag on the line.</summary>
    Flagged = 16,

    /// <summary>The line knows the household's annual income.</summary>
    IncomeKnown = 32,
}
