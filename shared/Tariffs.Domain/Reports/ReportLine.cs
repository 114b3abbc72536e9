using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// What an equity report needs of one priced line, amounts in minor units: the operator's bill, the
/// standard bill, the bill adjustments (price replacements, discounts, caps, credits, corrections
/// included) and the payments, for a household in an area; the quantity billed and its unit.
/// The line belongs to the month, quarter and year holding <see cref="PeriodEnd"/>, the last day of its
/// billing period. The init-only members carry data the service does not record yet and stay at their
/// defaults (zero or null) until it does.
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
    /// <summary>Guaranteed-standards compensation credited on this line (none recorded yet: 0).</summary>
    public long CompensationMinor { get; init; }

    /// <summary>Amount billed above the uniform tariff beyond the tolerance, when the line is an overcharge finding (none recorded yet: 0).</summary>
    public long OverchargeMinor { get; init; }

    /// <summary>The household's known annual income in minor units, or null when unknown (incomes are not recorded yet).</summary>
    public long? AnnualIncomeMinor { get; init; }
}
