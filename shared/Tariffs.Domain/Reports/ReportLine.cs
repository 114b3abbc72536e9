using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// What an equity report needs of one priced line, amounts in minor units: the operator's bill, the
/// standard bill, the bill adjustments (price replacements, discounts, caps, credits, corrections
/// included) and the payments, for a household in an area.
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
    bool Eligible);
