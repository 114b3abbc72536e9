namespace Tariffs.Domain.Reports;

/// <summary>
/// What one line or one service event of a household adds to the household's parts, kept by
/// <see cref="EquityReportBuilder"/> until the report is built: the household, the month and area cell the row counts in
/// (the builder's index; the row also counts in that cell's quarter, year and authority-wide totals), and its parts.
/// A struct of 80 bytes stored in chunks, so that a unit of a million households holds a million of these and nothing
/// per cell.
/// </summary>
internal struct HouseholdEntry
{
    /// <summary>The household.</summary>
    public string HouseholdId;

    /// <summary>The ledger batch of the line (null: a service event, or a line with no ledger identity).</summary>
    public string? BatchId;

    /// <summary>The builder's index of the month and area cell the row counts in.</summary>
    public int Cell;

    /// <summary>The line's number in its ledger batch (0 without one).</summary>
    public int LineNumber;

    /// <summary>What the row says of the household (a billed line, its flags, whether its income is known).</summary>
    public HouseholdEntryFlags Flags;

    public long BilledMinor;
    public long StandardMinor;
    public long AdjustmentsMinor;
    public long PaymentsMinor;
    public long CompensationMinor;

    /// <summary>The household's annual income as known on the line, when <see cref="HouseholdEntryFlags.IncomeKnown"/>.</summary>
    public long AnnualIncomeMinor;
}
