namespace Tariffs.Domain.Reports;

/// <summary>
/// Why a report cell is withheld from public output. Only the fact of suppression is published, never the
/// reason: telling primary from secondary cells would point at the small ones.
/// </summary>
public enum SuppressionReason
{
    /// <summary>Published.</summary>
    None,

    /// <summary>Primary: fewer than k households are billed in the cell.</summary>
    TooFewHouseholds,

    /// <summary>Primary: one household holds more than the dominance share (85%) of one of the cell's amounts.</summary>
    Dominance,

    /// <summary>Secondary: withheld so that no primary cell can be recovered from published totals and cells.</summary>
    Complementary,
}
