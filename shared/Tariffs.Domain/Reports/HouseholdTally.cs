namespace Tariffs.Domain.Reports;

/// <summary>
/// What one household contributes to one report cell: its flags and its part of each amount. A struct stored inline in
/// the cell's dictionary, since a large report holds one per household and cell.
/// </summary>
internal struct HouseholdTally
{
    public bool Eligible;
    public bool Received;
    public bool Determined;
    public bool Flagged;
    public long BilledMinor;
    public long StandardMinor;
    public long AdjustmentsMinor;
    public long PaymentsMinor;
    public long CompensationMinor;
    public long? AnnualIncomeMinor;
}
