namespace Tariffs.Domain.Reports;

/// <summary>
/// What one household contributes to one report cell, summed from its <see cref="HouseholdEntry"/> rows in the cell when
/// the report is built: whether it is billed there, its flags, its part of each amount and its income as last known.
/// </summary>
internal struct HouseholdTally
{
    /// <summary>The builder's index of the cell.</summary>
    public int Cell;

    /// <summary>The household has a billed line in the cell (otherwise only compensation from service events).</summary>
    public bool Billed;
    public bool Eligible;
    public bool Received;
    public bool Determined;
    public bool Flagged;
    public long BilledMinor;
    public long StandardMinor;
    public long AdjustmentsMinor;
    public long PaymentsMinor;
    public long CompensationMinor;

    /// <summary>The annual income of the household's last line in the cell that knows it (in ledger order); null when none does.</summary>
    public long? AnnualIncomeMinor;

    /// <summary>Adds <paramref name="entry"/>, a row of the household counting in this cell.</summary>
    public void Add(in HouseholdEntry entry)
    {
        var flags = entry.Flags;
        Billed |= (flags & HouseholdEntryFlags.Billed) != 0;
        Eligible |= (flags & HouseholdEntryFlags.Eligible) != 0;
        Received |= (flags & HouseholdEntryFlags.Received) != 0;
        Determined |= (flags & HouseholdEntryFlags.Determined) != 0;
        Flagged |= (flags & HouseholdEntryFlags.Flagged) != 0;
        BilledMinor += entry.BilledMinor;
        StandardMinor += entry.StandardMinor;
        AdjustmentsMinor += entry.AdjustmentsMinor;
        PaymentsMinor += entry.PaymentsMinor;
        CompensationMinor += entry.CompensationMinor;
        if ((flags & HouseholdEntryFlags.IncomeKnown) != 0)
            AnnualIncomeMinor = entry.AnnualIncomeMinor;
    }
}
