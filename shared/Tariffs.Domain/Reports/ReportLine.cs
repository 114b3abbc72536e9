using NodaTime;
using Tariffs.Domain.Ledger;

namespace Tariffs.Domain.Reports;

/// <summary>
/// What an equity report needs of one priced line, amounts in minor units: the operator's bill, the
/// standard bill, the bill adjustments (price replacements, discounts, caps, credits, corrections
/// included) and the payments, for a household in an area; the quantity billed and its unit.
/// The line belongs to the month, quarter and year holding <see cref="PeriodEnd"/>, the last day of its
/// billing period. The init-only members are what the ledger records of the line besides its bills: the
/// overcharge found at pricing, the household's annual income known then and how it was eligible; compensation is counted from
/// <see cref="ServiceEvent"/>s instead, so the service leaves <see cref="CompensationMinor"/> at 0.
/// </summary>
public readonly record struct ReportLine(
    string Authority,
    string Service,
    string Area,
    string HouseholdId,
    LocalDate PeriodEnd,
    string Currency,
    long BilledMinor,
    long StandardBillMinor,
    long BillAdjustmentsMinor,
    long PaymentsMinor,
    bool Eligible,
    decimal Quantity = 0m,
    string Unit = "")
{
    /// <summary>Guaranteed-standards compensation credited on this line; 0 from the service, which reports compensation as <see cref="ServiceEvent"/>s.</summary>
    public long CompensationMinor { get; init; }

    /// <summary>Amount billed above the repriced uniform tariff (billed − repriced) when the line is an overcharge finding (beyond the tolerance); otherwise 0.</summary>
    public long OverchargeMinor { get; init; }

    /// <summary>The household's annual income in minor units as known when the line was priced (from its latest facts), or null when unknown.</summary>
    public long? AnnualIncomeMinor { get; init; }

    /// <summary>
    /// How the household was eligible on the line as the ledger last recorded it (<see cref="LedgerLine.Basis"/>): by
    /// determination, by an agency's flag, both or neither; null when unknown (a line stored before the basis was recorded).
    /// </summary>
    public EligibilityWays? Ways { get; init; }

    /// <summary>
    /// The ledger line this is (null: none, a line made up for a test or a simulation). Among a household's lines of a
    /// cell, the one last in ledger order (batch, then line number) gives the household's income there, whatever the
    /// order lines are read in; lines without it come before those with it, in the order added.
    /// </summary>
    public LedgerLineId? Line { get; init; }
}
