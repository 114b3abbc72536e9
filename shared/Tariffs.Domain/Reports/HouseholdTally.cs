namespace Tariffs.Domain.Reports;

/// <summary>What one household contributes to one report cell: its flags and its part of each amount.</summary>
internal sealed class HouseholdTally
{
    public bool Eligible;
    public bool Received;
    public long BilledMinor;
    public long StandardMinor;
    public long AdjustmentsMinor;
    public long PaymentsMinor;
    public long CompensationMinor;
    public long? AnnualIncomeMinor;
}
